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
    private IReadOnlyList<string>? _canonicalLines;
    private string? _sha256;

    public BallotSet(IReadOnlyList<string> candidates, IReadOnlyList<RankedBallot> ballots)
        : this(candidates, ballots, null)
    {
    }

    private BallotSet(IReadOnlyList<string> candidates, IReadOnlyList<RankedBallot> ballots, IReadOnlyList<string>? canonicalLines)
    {
        Candidates = candidates;
        Ballots = ballots;
        TotalWeight = ballots.Sum(b => b.Weight);
        _canonicalLines = canonicalLines;
    }

    public IReadOnlyList<string> Candidates { get; }
    public IReadOnlyList<RankedBallot> Ballots { get; }
    /// <summary>Number of voters (the sum of the weights).</summary>
    public long TotalWeight { get; }

    /// <summary>Each ballot's line in the canonical file, without its weight; built once, used by the writer and the hash.</summary>
    internal IReadOnlyList<string> CanonicalLines =>
        _canonicalLines ??= Ballots.Select(b => CanonicalLine(Candidates, b.Groups)).ToArray();

    /// <summary>The SHA-256 of the canonical file, computed once.</summary>
    public string Sha256 => _sha256 ??= BallotFileWriter.ComputeSha256Hex(this);

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

        var positionOfLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<string>();
        var groupsOfLine = new List<int[][]>();
        var weights = new List<long>();
        var line = new System.Text.StringBuilder();
        foreach (var ballot in ballots)
        {
            var groups = new List<int[]>(ballot.Groups.Count);
            foreach (var group in ballot.Groups)
            {
                if (group.Length == 0)
                    continue;
                var renumbered = new int[group.Length];
                for (var i = 0; i < group.Length; i++)
                    renumbered[i] = newIndex[group[i]];
                Array.Sort(renumbered);
                groups.Add(renumbered);
            }
            line.Clear();
            AppendCanonicalLine(line, names, groups);
            var key = line.ToString();
            if (positionOfLine.TryGetValue(key, out var position))
            {
                weights[position] = checked(weights[position] + ballot.Weight);
                continue;
            }
            positionOfLine[key] = lines.Count;
            lines.Add(key);
            groupsOfLine.Add([.. groups]);
            weights.Add(ballot.Weight);
        }

        var sortedLines = lines.ToArray();
        var order = Enumerable.Range(0, sortedLines.Length).ToArray();
        Array.Sort(sortedLines, order, StringComparer.Ordinal);
        var sorted = order.Select(i => new RankedBallot(groupsOfLine[i], weights[i])).ToArray();
        return new BallotSet(names, sorted, sortedLines);
    }

    /// <summary>The ballot's line in the canonical file, without its weight.</summary>
    internal static string CanonicalLine(IReadOnlyList<string> names, IReadOnlyList<int[]> groups)
    {
        var line = new System.Text.StringBuilder();
        AppendCanonicalLine(line, names, groups);
        return line.ToString();
    }

    private static void AppendCanonicalLine(System.Text.StringBuilder line, IReadOnlyList<string> names, IReadOnlyList<int[]> groups)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            if (g > 0)
                line.Append(" > ");
            for (var i = 0; i < groups[g].Length; i++)
            {
                if (i > 0)
                    line.Append(" = ");
                line.Append(names[groups[g][i]]);
            }
        }
    }
}
