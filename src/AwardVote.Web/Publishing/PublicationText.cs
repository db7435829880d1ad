using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Results;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Publishing;

/// <summary>The publisher's refusals as people read them, for the pages and the API alike.</summary>
public static class PublicationText
{
    /// <param name="categoryName">The category's name in the request's language, by id.</param>
    public static IReadOnlyList<string> Messages(ResultsPublisher.Outcome outcome, Func<int, string> categoryName, IStringLocalizer l)
    {
        if (outcome.Stale)
            return [l["Someone changed this announcement in the meantime. Check it and save again."]];
        if (outcome.NotFound)
            return [l["There is no such announcement."]];
        return outcome.Problems.Select(p => Problem(p, categoryName, l)).Distinct().ToList();
    }

    public static string Problem(PublicationProblem problem, Func<int, string> categoryName, IStringLocalizer l)
    {
        var text = problem.Kind switch
        {
            PublicationProblemKind.NotInResultsReview => l["Results are published from results review, and this cycle is not there."],
            PublicationProblemKind.AlreadyPublished => l["These results are published already; publishing again changes nothing."],
            PublicationProblemKind.NoLaureate => Laureate(problem.Laureate ?? LaureateRefusal.NoSingleWinner, l),
            PublicationProblemKind.NoCitation => l["The jury's citation is not written yet."],
            PublicationProblemKind.NotApproved => l["An administrator has not approved the citation yet."],
            PublicationProblemKind.LaureateChanged => l["The result changed after the citation was written: save the citation again and approve it."],
            PublicationProblemKind.Published => l["This announcement is published and never changes. To correct it, start a correction: a new announcement linked to this one."],
            PublicationProblemKind.NoCorrectionNote => l["Say why the announcement is corrected: the note is shown publicly beside it."],
            PublicationProblemKind.TimeInPast => l["Choose a time in the future."],
            PublicationProblemKind.NotDue => l["The announcement time has not come yet."],
            PublicationProblemKind.TooLong => l["The citation can be at most {0} characters long, the note {1}.", ResultsPublisher.MaxCitationLength, ResultsPublisher.MaxNoteLength],
            _ => problem.Kind.ToString(),
        };
        return problem.CategoryId is { } id ? $"{categoryName(id)}: {text}" : text;
    }

    public static string Laureate(LaureateRefusal refusal, IStringLocalizer l) => refusal switch
    {
        LaureateRefusal.NotCounted => l["The final round is not counted yet."],
        LaureateRefusal.UnbrokenTie => l["The final round ended in a tie that the statute's tie-break chain could not break. No laureate can be announced until the tie is resolved (by a repeat ballot or the chair's casting vote)."],
        LaureateRefusal.RepeatBallotRequired => l["The winner did not meet the statute's win rule, so the jury votes again. No laureate can be announced until the repeat ballot is counted."],
        _ => l["The result names no single laureate."],
    };
}
