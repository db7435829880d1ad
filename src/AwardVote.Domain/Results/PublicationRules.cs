using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Results;

public enum PublicationProblemKind
{
    /// <summary>Results are published from results review only (not before, and not twice).</summary>
    NotInResultsReview,
    /// <summary>Every announcement of the cycle is out already: publishing again changes nothing.</summary>
    AlreadyPublished,
    /// <summary>The category has no single laureate (see <see cref="LaureateRefusal"/>).</summary>
    NoLaureate,
    /// <summary>Nobody wrote the jury's citation yet.</summary>
    NoCitation,
    /// <summary>The citation is written but an administrator has not approved it.</summary>
    NotApproved,
    /// <summary>The result changed after the citation was written: it names another laureate now.</summary>
    LaureateChanged,
    /// <summary>A published announcement never changes; a correction is a new one.</summary>
    Published,
    /// <summary>A correction says publicly why it was made.</summary>
    NoCorrectionNote,
    /// <summary>A scheduled publication is set for a time that has passed.</summary>
    TimeInPast,
    /// <summary>The scheduled time has not come yet (the job waits).</summary>
    NotDue,
    /// <summary>A text is longer than the announcement keeps.</summary>
    TooLong,
}

/// <summary>One reason a step of publication is refused, for one category (null: the whole cycle).</summary>
public sealed record PublicationProblem(PublicationProblemKind Kind, int? CategoryId = null, LaureateRefusal? Laureate = null);

/// <summary>A category's state on the way to its announcement, as the rules read it.</summary>
/// <param name="Pending">The unpublished announcement (the first, or a correction), if one is being written.</param>
/// <param name="Current">The announcement the public reads now, if any.</param>
/// <param name="LaureateNominationId">The laureate of the final result as it stands now, when decided.</param>
public sealed record CategoryStanding(int CategoryId, LaureateDecision Decision, int? LaureateNominationId, Publication? Pending, Publication? Current);

/// <summary>
/// The server's rules from results review to the announcement: a citation for a decided laureate, approved by an
/// administrator, published once from results review; what is published never changes.
/// </summary>
public static class PublicationRules
{
    /// <summary>Whether the chair or an administrator may write (or rewrite) the citation of <paramref name="publication"/>.</summary>
    public static IReadOnlyList<PublicationProblem> CheckCitation(CyclePhase phase, CategoryStanding standing, Publication? publication)
    {
        var problems = new List<PublicationProblem>();
        if (publication is { IsPublished: true })
            problems.Add(new PublicationProblem(PublicationProblemKind.Published, standing.CategoryId));
        else if (publication?.CorrectsPublicationId is null && phase != CyclePhase.ResultsReview)
            // A first announcement is written in review; a correction after publication.
            problems.Add(new PublicationProblem(phase > CyclePhase.ResultsReview ? PublicationProblemKind.AlreadyPublished : PublicationProblemKind.NotInResultsReview, standing.CategoryId));
        else if (publication?.CorrectsPublicationId is null && !standing.Decision.IsDecided)
            problems.Add(new PublicationProblem(PublicationProblemKind.NoLaureate, standing.CategoryId, standing.Decision.Refusal));
        return problems;
    }

    /// <summary>Whether an administrator may approve <paramref name="publication"/> as it is.</summary>
    public static IReadOnlyList<PublicationProblem> CheckApproval(CyclePhase phase, CategoryStanding standing, Publication publication)
    {
        var problems = new List<PublicationProblem>();
        if (publication.IsPublished)
            problems.Add(new PublicationProblem(PublicationProblemKind.Published, standing.CategoryId));
        else if (publication.CorrectsPublicationId is null && phase != CyclePhase.ResultsReview)
            problems.Add(new PublicationProblem(PublicationProblemKind.NotInResultsReview, standing.CategoryId));
        if (string.IsNullOrWhiteSpace(publication.Citation))
            problems.Add(new PublicationProblem(PublicationProblemKind.NoCitation, standing.CategoryId));
        if (publication.CorrectsPublicationId is not null && string.IsNullOrWhiteSpace(publication.CorrectionNote))
            problems.Add(new PublicationProblem(PublicationProblemKind.NoCorrectionNote, standing.CategoryId));
        if (publication.CorrectsPublicationId is null)
            problems.AddRange(LaureateProblems(standing, publication));
        return problems;
    }

    /// <summary>
    /// Whether the cycle's results may be published now: in results review, every category with a decided laureate
    /// and an approved citation naming that laureate. Publishing a second time is <see cref="PublicationProblemKind.AlreadyPublished"/>.
    /// </summary>
    public static IReadOnlyList<PublicationProblem> CheckPublication(CyclePhase phase, IReadOnlyList<CategoryStanding> standings)
    {
        if (phase is CyclePhase.Published or CyclePhase.Archived)
            return [new PublicationProblem(PublicationProblemKind.AlreadyPublished)];
        if (phase != CyclePhase.ResultsReview)
            return [new PublicationProblem(PublicationProblemKind.NotInResultsReview)];
        var problems = new List<PublicationProblem>();
        foreach (var standing in standings)
        {
            if (standing.Pending is not { } pending || string.IsNullOrWhiteSpace(pending.Citation))
            {
                if (!standing.Decision.IsDecided)
                    problems.Add(new PublicationProblem(PublicationProblemKind.NoLaureate, standing.CategoryId, standing.Decision.Refusal));
                else
                    problems.Add(new PublicationProblem(PublicationProblemKind.NoCitation, standing.CategoryId));
                continue;
            }
            problems.AddRange(LaureateProblems(standing, pending));
            if (!pending.IsApproved)
                problems.Add(new PublicationProblem(PublicationProblemKind.NotApproved, standing.CategoryId));
        }
        return problems;
    }

    /// <summary>Whether a pending correction may be published: approved, with its note, once.</summary>
    public static IReadOnlyList<PublicationProblem> CheckCorrection(CyclePhase phase, CategoryStanding standing, Publication correction)
    {
        var problems = new List<PublicationProblem>();
        if (correction.IsPublished)
            return [new PublicationProblem(PublicationProblemKind.AlreadyPublished, standing.CategoryId)];
        if (phase < CyclePhase.Published)
            problems.Add(new PublicationProblem(PublicationProblemKind.NotInResultsReview, standing.CategoryId));
        if (string.IsNullOrWhiteSpace(correction.Citation))
            problems.Add(new PublicationProblem(PublicationProblemKind.NoCitation, standing.CategoryId));
        if (string.IsNullOrWhiteSpace(correction.CorrectionNote))
            problems.Add(new PublicationProblem(PublicationProblemKind.NoCorrectionNote, standing.CategoryId));
        if (!correction.IsApproved)
            problems.Add(new PublicationProblem(PublicationProblemKind.NotApproved, standing.CategoryId));
        return problems;
    }

    /// <summary>Whether the scheduled time is still to come.</summary>
    public static IReadOnlyList<PublicationProblem> CheckSchedule(DateTimeOffset at, DateTimeOffset now) =>
        at <= now ? [new PublicationProblem(PublicationProblemKind.TimeInPast)] : [];

    private static IEnumerable<PublicationProblem> LaureateProblems(CategoryStanding standing, Publication publication)
    {
        if (!standing.Decision.IsDecided)
            yield return new PublicationProblem(PublicationProblemKind.NoLaureate, standing.CategoryId, standing.Decision.Refusal);
        else if (standing.LaureateNominationId != publication.LaureateNominationId)
            yield return new PublicationProblem(PublicationProblemKind.LaureateChanged, standing.CategoryId);
    }
}
