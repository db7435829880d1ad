using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Results;

/// <summary>What an unbroken tie for first place still needs, by the statute's chain as the count recorded it.</summary>
public enum TieNeed
{
    /// <summary>The result is decided, or its problem is not a tie for first place.</summary>
    Nothing,
    CastingVote,
    RepeatBallot,
    /// <summary>The chain ran out without saying which: the association chooses.</summary>
    CastingVoteOrRepeatBallot,
}

/// <summary>Reads a count's protocol for the one question publication asks: who won, and if nobody yet, what is needed.</summary>
public static class TieRules
{
    public static IReadOnlyList<string> TiedForFirst(CountProtocol protocol) =>
        protocol.Order.Where(p => p.Rank == 1).Select(p => p.Name).ToList();

    public static TieNeed Need(CountProtocol protocol)
    {
        if (protocol.Outcome == CountOutcome.RepeatBallotRequired)
            return TieNeed.RepeatBallot;
        if (protocol.Outcome != CountOutcome.UnbrokenTie || TiedForFirst(protocol).Count < 2)
            return TieNeed.Nothing;
        // The chain stops at its first casting-vote or repeat-ballot link and records it as the last application.
        return protocol.TieBreaks.LastOrDefault(t => t.Rule is TieBreakRule.ChairCastingVote or TieBreakRule.RepeatBallot)?.Rule switch
        {
            TieBreakRule.ChairCastingVote => TieNeed.CastingVote,
            TieBreakRule.RepeatBallot => TieNeed.RepeatBallot,
            _ => TieNeed.CastingVoteOrRepeatBallot,
        };
    }

    /// <summary>
    /// The protocol as published once the chair has cast the deciding vote: the vote (who, whom, why, when) recorded,
    /// the chosen first and the others tied with it second, the outcome decided. The count's steps, its ballot file
    /// and hash stay as counted, so <c>awardvote verify</c> recounts the tie and applies the same vote to it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The count has no tie the statute leaves to the chair, or the chosen is not tied for first.</exception>
    public static CountProtocol WithCastingVote(CountProtocol counted, CastingVoteRecord vote)
    {
        if (!AcceptsCastingVote(counted))
            throw new InvalidOperationException($"the count ({counted.Outcome}) has no tie for first place that the statute leaves to the chair's casting vote");
        var tied = TiedForFirst(counted);
        if (!tied.Contains(vote.Chosen, StringComparer.Ordinal))
            throw new InvalidOperationException($"the casting vote chose {vote.Chosen}, who is not tied for first place ({string.Join(", ", tied)})");
        Placement[] order =
        [
            new Placement(1, vote.Chosen),
            .. counted.Order.Where(p => p.Rank == 1 && p.Name != vote.Chosen).Select(p => p with { Rank = 2 }),
            .. counted.Order.Where(p => p.Rank > 1),
        ];
        return counted with
        {
            Order = order,
            Outcome = CountOutcome.Decided,
            OutcomeReason = $"{vote.Chosen} wins by the chair's casting vote, breaking the tie between {string.Join(", ", tied)}",
            CastingVote = vote,
        };
    }

    public static bool AcceptsCastingVote(CountProtocol protocol) =>
        Need(protocol) is TieNeed.CastingVote or TieNeed.CastingVoteOrRepeatBallot;

    /// <summary>The winner's name: the count's sole first place, or the chair's choice among the tied; null while undecided.</summary>
    public static string? Winner(CountProtocol protocol, CastingVote? castingVote)
    {
        var first = TiedForFirst(protocol);
        if (protocol.Outcome == CountOutcome.Decided && first.Count == 1)
            return first[0];
        return castingVote is not null && AcceptsCastingVote(protocol) && first.Contains(castingVote.ChosenName)
            ? castingVote.ChosenName
            : null;
    }
}
