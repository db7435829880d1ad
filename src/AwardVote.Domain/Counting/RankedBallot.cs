namespace AwardVote.Domain.Counting;

/// <summary>
/// One ranked ballot: groups of candidate indices, best first; candidates in one group are ranked equal.
/// Candidates in no group were left off and rank below every listed candidate, equal among themselves.
/// </summary>
public sealed record RankedBallot(IReadOnlyList<int[]> Groups, long Weight)
{
    /// <summary>Rank position per candidate (0 = first group); left-off candidates get <see cref="IReadOnlyList{T}.Count"/>.</summary>
    public int[] PositionsOf(int candidateCount)
    {
        var positions = new int[candidateCount];
        Array.Fill(positions, Groups.Count);
        for (var group = 0; group < Groups.Count; group++)
            foreach (var candidate in Groups[group])
                positions[candidate] = group;
        return positions;
    }
}

/// <summary>
/// The ballots of one ranked round in canonical form: candidates sorted by name (ordinal), identical ballots merged,
/// ballots in canonical order. Counting only ever sees this form, so the result cannot depend on the order the
/// ballots came in or on the database they were read from.
/// </summary>
public sealed class BallotSet
{
    public BallotSet(IReadOnlyList<string> candidates, IReadOnlyList<RankedBallot> ballots)
    {
        Candidates = candidates;
        Ballots = ballots;
        TotalWeight = ballots.Sum(b => b.Weight);
    }

    public IReadOnlyList<string> Candidates { get; }
    public IReadOnlyList<RankedBallot> Ballots { get; }
    /// <summary>Number of voters (the sum of the weights).</summary>
    public long TotalWeight { get; }

    /// <summary>
    /// Builds the canonical set from ballots over any candidate numbering: renumbers candidates by name,
    /// sorts each group, merges identical ballots and sorts the ballots.
    /// </summary>
    public static BallotSet Canonical(IReadOnlyList<string> candidates, IEnumerable<RankedBallot> ballots)
    {
        var byName = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i], StringComparer.Ordinal).ToArray();
        var newIndex = new int[candidates.Count];
        for (var i = 0; i < byName.Length; i++)
            newIndex[byName[i]] = i;
        var names = byName.Select(i => candidates[i]).ToArray();

        var merged = new Dictionary<string, (RankedBallot Ballot, long Weight)>(StringComparer.Ordinal);
        foreach (var ballot in ballots)
        {
            var groups = ballot.Groups
                .Where(g => g.Length > 0)
                .Select(g => g.Select(c => newIndex[c]).Order().ToArray())
                .ToArray();
            var key = CanonicalLine(names, groups);
            merged[key] = merged.TryGetValue(key, out var existing)
                ? (existing.Ballot, existing.Weight + ballot.Weight)
                : (new RankedBallot(groups, 0), ballot.Weight);
        }

        var sorted = merged
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => entry.Value.Ballot with { Weight = entry.Value.Weight })
            .ToArray();
        return new BallotSet(names, sorted);
    }

    /// <summary>The ballot's line in the canonical file, without its weight.</summary>
    internal static string CanonicalLine(IReadOnlyList<string> names, IReadOnlyList<int[]> groups) =>
        string.Join(" > ", groups.Select(g => string.Join(" = ", g.Select(c => names[c]))));
}
