using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;

namespace AwardVote.Application.Results;

/// <summary>The category a publication refusal is about: its words start with the category's name, in the reader's language.</summary>
public sealed record PublicationCategory(string Name, string? NameEn);

/// <summary>What <see cref="PublicationRules"/> finds, as the refusals the publication's use cases answer with.</summary>
public static class PublicationRefusals
{
    /// <summary>A state the results are in (409), about the category of <paramref name="problem"/> when it names one.</summary>
    public static Refusal For(PublicationProblem problem, Func<int, Category?> categories) =>
        new(Code(problem), RefusalKind.Conflict, null, Args(problem, categories));

    /// <summary>An input of the request that is missing or wrong (400), beside its field.</summary>
    public static Refusal Invalid(PublicationProblem problem, string field, Func<int, Category?> categories) =>
        new(Code(problem), RefusalKind.Invalid, field, Args(problem, categories));

    public static List<Refusal> For(IEnumerable<PublicationProblem> problems, IEnumerable<Category> categories)
    {
        var byId = categories.ToDictionary(c => c.Id);
        return problems.Select(p => For(p, id => byId.GetValueOrDefault(id))).ToList();
    }

    /// <summary>Why a category has no laureate, without naming the category (a page about that category shows it).</summary>
    public static Refusal For(LaureateRefusal refusal) =>
        For(new PublicationProblem(PublicationProblemKind.NoLaureate, null, refusal), _ => null);

    private static object[] Args(PublicationProblem problem, Func<int, Category?> categories) =>
        problem.CategoryId is { } id && categories(id) is { } category ? [new PublicationCategory(category.Name, category.NameEn)] : [];

    private static RefusalCode Code(PublicationProblem problem) => problem.Kind switch
    {
        PublicationProblemKind.NotInResultsReview => RefusalCode.ResultsNotInReview,
        PublicationProblemKind.AlreadyPublished => RefusalCode.ResultsAlreadyPublished,
        PublicationProblemKind.NoLaureate => problem.Laureate switch
        {
            LaureateRefusal.NotCounted => RefusalCode.LaureateNotCounted,
            LaureateRefusal.UnbrokenTie => RefusalCode.LaureateTieUnbroken,
            LaureateRefusal.RepeatBallotRequired => RefusalCode.LaureateRepeatBallotRequired,
            _ => RefusalCode.LaureateNotSingle,
        },
        PublicationProblemKind.NoCitation => RefusalCode.CitationMissing,
        PublicationProblemKind.NotApproved => RefusalCode.CitationNotApproved,
        PublicationProblemKind.LaureateChanged => RefusalCode.LaureateChanged,
        PublicationProblemKind.Published => RefusalCode.AnnouncementPublished,
        PublicationProblemKind.NoCorrectionNote => RefusalCode.CorrectionNoteMissing,
        PublicationProblemKind.TimeInPast => RefusalCode.PublicationTimeInPast,
        PublicationProblemKind.NotDue => RefusalCode.PublicationNotDue,
        PublicationProblemKind.TooLong => RefusalCode.CitationTooLong,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "A publication problem without a refusal code."),
    };
}
