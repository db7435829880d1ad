using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>
/// A count's protocol in the reader's language. The counting engine writes its reasons in English for the command
/// line and the stored JSON (which <c>awardvote verify</c> reads); a page never shows those strings but says the same
/// from the protocol's structure: the outcome, the order, the tie-break applications and the sensitivity measures.
/// Names stand after a colon, where the nominative fits a Latvian sentence.
/// </summary>
public static class ProtocolWords
{
    /// <summary>Why the count ended as it did, in one or two sentences.</summary>
    public static string Reason(CountProtocol protocol, IStringLocalizer l)
    {
        if (protocol.CastingVote is { } vote)
        {
            // The chair's vote puts the chosen first and the others tied with it second (TieRules.WithCastingVote).
            var tied = protocol.Order.Where(p => p.Rank <= 2).Select(p => p.Name);
            return l["Decided by the chair's casting vote: {0}. The tie was between: {1}.", vote.Chosen, Names(tied)];
        }
        switch (protocol.Outcome)
        {
            case CountOutcome.NoBallots:
                return l["Nothing to decide: there are no ballots or scores."];
            case CountOutcome.Decided when protocol.Score is { ShortlistSize: not null } score:
                return l["Go on to the next round: {0}.", Names(score.Shortlist)];
            case CountOutcome.Decided:
                return TieRules.TiedForFirst(protocol) is [var winner] ? l["Winner: {0}.", winner] : l["Decided"];
            case CountOutcome.RepeatBallotRequired:
                return l["The statute's win rule is not met: a repeat ballot is needed."];
        }

        if (protocol.Score is { ShortlistSize: { } size })
            return l["Tied at the shortlist's last place ({0} go on): {1}. The tie-break chain does not separate them: a repeat ballot or the chair's casting vote is needed.",
                size, Names(TiedAtCut(protocol.Order, size))];
        var first = TieRules.TiedForFirst(protocol);
        string needs = TieRules.Need(protocol) switch
        {
            TieNeed.CastingVote => l["The statute leaves it to the chair's casting vote."],
            TieNeed.RepeatBallot => l["The statute asks for a repeat ballot."],
            _ when protocol.TieBreakChain.Count == 0 => l["The statute has no tie-break chain: a repeat ballot or the chair's casting vote is needed."],
            _ => l["The tie-break chain does not separate them: a repeat ballot or the chair's casting vote is needed."],
        };
        return first.Count > 1 ? l["Tied for first place: {0}.", Names(first)] + " " + needs : needs;
    }

    /// <summary>One application of the tie-break chain as a sentence: the rule, who was tied, what it did.</summary>
    /// <param name="criterionName">The criterion's name in the reader's language, when the rule names one.</param>
    public static string TieBreak(TieBreakApplication step, IStringLocalizer l, Func<string, string>? criterionName = null)
    {
        var rule = DisplayNames.TieBreakRule(step.Rule, l)
                   + (step.Criterion is null ? "" : ": " + (criterionName?.Invoke(step.Criterion) ?? step.Criterion));
        var tied = l["Tied: {0}.", Names(step.Tied)];
        string what;
        if (step.Rule == TieBreakRule.ChairCastingVote)
            what = l["They stay tied: the chair's casting vote is needed."];
        else if (step.Rule == TieBreakRule.RepeatBallot)
            what = l["They stay tied: a repeat ballot is needed."];
        else if (step.Result.Count > 1)
            what = l["Order after this rule: {0}.", string.Join(" > ", step.Result.Select(g => string.Join(" = ", g.Select(n => WithValue(step, n)))))];
        else if (step.Values is null && step.Why.StartsWith("does not apply", StringComparison.Ordinal))
            // A protocol counted before the values were recorded says "does not apply" only in its English reason.
            what = l["The rule does not apply to this counting method."];
        else
            what = step.Values is null
                ? l["The rule did not separate them."]
                : l["The rule did not separate them: {0}.", string.Join(", ", step.Tied.Select(n => WithValue(step, n)))];
        return $"{rule}. {tied} {what}";
    }

    /// <summary>Whether another measure of a score round would change the winner or the shortlist.</summary>
    public static string Sensitivity(SensitivityLine line, IStringLocalizer l) => (line.WinnerChanges, line.ShortlistChanges) switch
    {
        (true, true) => l["Under another measure both the winner and the shortlist would change."],
        (true, false) => l["Under another measure the winner would change."],
        (false, true) => l["Under another measure the shortlist would change."],
        _ => l["The result is the same under every measure."],
    };

    /// <summary>The name of a sensitivity measure (the engine's "mean", "median", "normalised").</summary>
    public static string Measure(string measure, IStringLocalizer l) => measure switch
    {
        "mean" => l["Weighted mean"],
        "median" => l["Median"],
        "normalised" => l["Normalised mean (z-score)"],
        _ => measure,
    };

    /// <summary>The counting method a protocol names (its machine name, which <c>awardvote verify</c> reads).</summary>
    public static string Method(string method, IStringLocalizer l) => method switch
    {
        "score" => DisplayNames.CountingMethod(CountingMethod.WeightedMean, l),
        "schulze" => DisplayNames.CountingMethod(CountingMethod.Schulze, l),
        "borda" => DisplayNames.CountingMethod(CountingMethod.Borda, l),
        "irv" => DisplayNames.CountingMethod(CountingMethod.InstantRunoff, l),
        "plurality" => DisplayNames.CountingMethod(CountingMethod.Plurality, l),
        _ => l["Counting method"],
    };

    /// <summary>What an instant-runoff round did beyond its counts: a tie for the lowest, and how it ended.</summary>
    public static string? RunoffNote(InstantRunoffRound round, IStringLocalizer l)
    {
        if (round.Elected is not null || round.Eliminated.Count == 0)
            return null;
        var lowest = round.Counts.Where(c => round.Eliminated.Contains(c.Name)).Select(c => c.Value).DefaultIfEmpty().Min();
        var tiedLowest = round.Counts.Where(c => c.Value == lowest).Select(c => c.Name).ToList();
        if (tiedLowest.Count < 2)
            return null;
        var note = l["Tied for the lowest count ({0}): {1}.", DisplayNames.Number(lowest), Names(tiedLowest)];
        return round.Eliminated.Count > 1
            ? note + " " + l["They stay tied and are eliminated together."]
            : note + " " + l["The tie-break chain or the earlier rounds' counts decided who is eliminated."];
    }

    private static string WithValue(TieBreakApplication step, string name)
    {
        var index = IndexOf(step.Tied, name);
        return step.Values is { } values && index >= 0 && index < values.Count
            ? $"{name} ({DisplayNames.Number(Math.Round(values[index], 4))})"
            : name;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        return -1;
    }

    /// <summary>The names sharing the place across the shortlist's cut: their rank is within it, their group reaches past it.</summary>
    private static IEnumerable<string> TiedAtCut(IReadOnlyList<Placement> order, int size) =>
        order.GroupBy(p => p.Rank)
            .Where(g => g.Key <= size && g.Key + g.Count() - 1 > size)
            .SelectMany(g => g.Select(p => p.Name));

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
