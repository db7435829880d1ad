using System.Globalization;
using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Counting;

/// <summary>
/// Applies the statute's tie-break chain, link by link, to tied groups. Every application is recorded with why.
/// Nothing is ever separated by name or input order: what the chain cannot separate stays tied.
/// </summary>
public sealed class TieBreakChain(
    IReadOnlyList<TieBreakLink> links,
    IReadOnlyList<string> names,
    Func<TieBreakLink, int, decimal?> evidence)
{
    /// <summary>Evidence function: a value per candidate, higher is better; null when the rule does not apply to the method.</summary>
    public Func<TieBreakLink, int, decimal?> Evidence { get; } = evidence;

    public List<TieBreakApplication> Applications { get; } = [];

    /// <summary>Splits one tied group into groups, best first; <paramref name="unbroken"/> says why any group stays tied.</summary>
    public IReadOnlyList<int[]> Separate(int[] tied, out string? unbroken)
    {
        unbroken = null;
        List<int[]> groups = [tied];
        foreach (var link in links)
        {
            if (groups.All(g => g.Length == 1))
                break;
            if (link.Rule is TieBreakRule.ChairCastingVote or TieBreakRule.RepeatBallot)
            {
                var needs = link.Rule == TieBreakRule.ChairCastingVote ? "needs the chair's casting vote" : "needs a repeat ballot";
                foreach (var group in groups.Where(g => g.Length > 1))
                    Record(link, group, [group], $"unbroken tie: {needs}");
                unbroken = $"unbroken tie: {needs}";
                return groups;
            }

            var next = new List<int[]>();
            foreach (var group in groups)
            {
                if (group.Length == 1)
                {
                    next.Add(group);
                    continue;
                }
                var values = group.Select(c => Evidence(link, c)).ToArray();
                if (values.Any(v => v is null))
                {
                    Record(link, group, [group], "does not apply to this counting method");
                    next.Add(group);
                    continue;
                }
                var split = group
                    .Select((candidate, i) => (candidate, value: values[i]!.Value))
                    .GroupBy(x => x.value)
                    .OrderByDescending(g => g.Key)
                    .Select(g => g.Select(x => x.candidate).ToArray())
                    .ToList();
                var shown = string.Join(", ", group.Select((c, i) =>
                    $"{names[c]} {values[i]!.Value.ToString("0.######", CultureInfo.InvariantCulture)}"));
                Record(link, group, split, split.Count > 1 ? $"separated: {shown}" : $"did not separate: {shown}",
                    values.Select(v => v!.Value).ToArray());
                next.AddRange(split);
            }
            groups = next;
        }

        if (groups.Any(g => g.Length > 1))
            unbroken = links.Count == 0
                ? "unbroken tie: the statute has no tie-break chain; needs a repeat ballot or the chair's casting vote"
                : "unbroken tie: the tie-break chain is exhausted; needs a repeat ballot or the chair's casting vote";
        return groups;
    }

    /// <summary>Applies the chain to every tied group of an order; returns the new order and why its first place stays shared, if it does.</summary>
    public List<int[]> ApplyToOrder(IReadOnlyList<int[]> order, out string? firstPlaceUnbroken)
    {
        firstPlaceUnbroken = null;
        var result = new List<int[]>();
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i].Length == 1)
            {
                result.Add(order[i]);
                continue;
            }
            var groups = Separate(order[i], out var unbroken);
            if (i == 0 && groups[0].Length > 1)
                firstPlaceUnbroken = unbroken;
            result.AddRange(groups);
        }
        return result;
    }

    private void Record(TieBreakLink link, int[] tied, IReadOnlyList<int[]> result, string why, IReadOnlyList<decimal>? values = null) =>
        Applications.Add(new TieBreakApplication(
            link.Rule, link.Criterion,
            tied.Select(c => names[c]).ToArray(),
            result.Select(g => (IReadOnlyList<string>)g.Select(c => names[c]).ToArray()).ToArray(),
            why, values));

    /// <summary>Competition ranks (1, 1, 3 …) for an order of groups; names within a group in ordinal order.</summary>
    public static List<Placement> Placements(IReadOnlyList<int[]> order, IReadOnlyList<string> names)
    {
        var placements = new List<Placement>();
        var rank = 1;
        foreach (var group in order)
        {
            placements.AddRange(group.Select(c => names[c]).Order(StringComparer.Ordinal).Select(n => new Placement(rank, n)));
            rank += group.Length;
        }
        return placements;
    }
}
