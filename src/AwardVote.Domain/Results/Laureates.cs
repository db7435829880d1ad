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
/// Who the laureate is: the single winner of the category's final counted round (a repeat ballot's, when one was
/// held), or the one the chair chose by casting vote among those tied for first place (<see cref="TieRules.Winner"/>).
/// The one place that answers it, so that every page, the API and the publication follow the same rule.
/// </summary>
public static class Laureates
{
    public static LaureateDecision Of(RoundResult? finalResult, CastingVote? castingVote = null)
    {
        if (finalResult is null)
            return LaureateDecision.Refused(LaureateRefusal.NotCounted);
        if (TieRules.Winner(CountProtocol.FromJson(finalResult.ProtocolJson), castingVote) is { } winner)
            return new LaureateDecision(winner, null);
        return LaureateDecision.Refused(finalResult.Outcome switch
        {
            RoundOutcome.UnbrokenTie => LaureateRefusal.UnbrokenTie,
            RoundOutcome.RepeatBallotRequired => LaureateRefusal.RepeatBallotRequired,
            _ => LaureateRefusal.NoSingleWinner,
        });
    }
}
