using AwardVote.Domain.Counting;

namespace AwardVote.Domain.Results;

/// <summary>Why a category has no laureate to announce (yet).</summary>
public enum LaureateRefusal
{
    /// <summary>The final round of the category has no result.</summary>
    NotCounted,
    /// <summary>The count ended in a tie the statute's chain could not break.</summary>
    UnbrokenTie,
    /// <summary>The win rule was not met: the jury votes again.</summary>
    RepeatBallotRequired,
    /// <summary>The result names no single winner (no ballots, or a name no nomination has).</summary>
    NoSingleWinner,
}

/// <summary>The laureate by the name the count used (the library's), or why there is none.</summary>
public sealed record LaureateDecision(string? Name, LaureateRefusal? Refusal)
{
    public bool IsDecided => Name is not null;

    public static LaureateDecision Refused(LaureateRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Who the laureate is: the single winner of the category's final counted round. The one place that answers it, so
/// that a later resolution of a tie (the chair's casting vote, a repeat ballot's result) is added here and every page,
/// the API and the publication follow.
/// </summary>
public static class Laureates
{
    public static LaureateDecision Of(RoundResult? finalResult)
    {
        if (finalResult is null)
            return LaureateDecision.Refused(LaureateRefusal.NotCounted);
        switch (finalResult.Outcome)
        {
            case RoundOutcome.UnbrokenTie:
                return LaureateDecision.Refused(LaureateRefusal.UnbrokenTie);
            case RoundOutcome.RepeatBallotRequired:
                return LaureateDecision.Refused(LaureateRefusal.RepeatBallotRequired);
        }
        var first = CountProtocol.FromJson(finalResult.ProtocolJson).Order.Where(p => p.Rank == 1).ToList();
        return first.Count == 1 ? new LaureateDecision(first[0].Name, null) : LaureateDecision.Refused(LaureateRefusal.NoSingleWinner);
    }

    /// <summary>The nominations the final round ranked (its shortlist), by the names the count used.</summary>
    public static IReadOnlyList<string> Finalists(RoundResult? finalResult) =>
        finalResult is null ? [] : CountProtocol.FromJson(finalResult.ProtocolJson).Candidates;
}
