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
    private const char GroupSeparator = '\uFFFF';
    private IReadOnlyList<string>? _canonicalLines;
    private string? _sha256;
    private BallotArrays? _arrays;

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

    /// <summary>Each ballot's line in the canonical file, without its weight; built once, when the file is written.</summary>
    internal IReadOnlyList<string> CanonicalLines =>
        _canonicalLines ??= Ballots.Select(b => CanonicalLine(Candidates, b.Groups)).ToArray();

    /// <summary>The ballots laid out flat for counting, built once.</summary>
    internal BallotArrays Arrays => _arrays ??= BallotArrays.From(Ballots, Candidates.Count);

    /// <summary>The SHA-256 of the canonical file, computed once.</summary>
    public string Sha256 => _sha256 ??= BallotFileWriter.ComputeSha256Hex(this);

    /// <summary>
    /// Builds the canonical set from ballots over any candidate numbering: renumbers candidates by name,
    /// sorts each group, merges identical ballots and sorts the ballots by their line in the canonical file.
    /// </summary>
    public static BallotSet Canonical(IReadOnlyList<string> candidates, IEnumerable<RankedBallot> ballots)
    {
        var byName = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i], StringComparer.Ordinal).ToArray();
        var newIndex = new int[candidates.Count];
        for (var i = 0; i < byName.Length; i++)
            newIndex[byName[i]] = i;
        var names = byName.Select(i => candidates[i]).ToArray();
        return NamesArePrefixFree(names) && names.Length < GroupSeparator
            ? CanonicalByIndices(names, newIndex, ballots)
            : CanonicalByLines(names, newIndex, ballots);
    }

    /// <summary>
    /// True when the names are distinct and none is the start of another. Then comparing two canonical lines
    /// character by character is the same as comparing them name by name (candidates are numbered in name order)
    /// and separator by separator (end of line, then " = ", then " > "), so the ballots can be merged and sorted
    /// without building their lines. Names sorted ordinally: a name that starts another starts its successor.
    /// </summary>
    private static bool NamesArePrefixFree(string[] sortedNames)
    {
        for (var i = 1; i < sortedNames.Length; i++)
            if (sortedNames[i].StartsWith(sortedNames[i - 1], StringComparison.Ordinal))
                return false;
        return true;
    }

    private static BallotSet CanonicalByIndices(string[] names, int[] newIndex, IEnumerable<RankedBallot> ballots)
    {
        // Merge key: each group's new indices, sorted, groups split by a character no index uses.
        var positionOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyLookup = positionOfKey.GetAlternateLookup<ReadOnlySpan<char>>();
        var groupsOfBallot = new List<int[][]>();
        var weights = new List<long>();
        var key = new char[64];
        foreach (var ballot in ballots)
        {
            var groups = Renumbered(ballot.Groups, newIndex);
            var length = groups.Length;
            foreach (var group in groups)
                length += group.Length;
            if (key.Length < length)
                key = new char[length * 2];
            var position = 0;
            foreach (var group in groups)
            {
                foreach (var candidate in group)
                    key[position++] = (char)candidate;
                key[position++] = GroupSeparator;
            }
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                keyLookup, key.AsSpan(0, position), out var exists);
            if (exists)
            {
                weights[slot] = checked(weights[slot] + ballot.Weight);
                continue;
            }
            slot = groupsOfBallot.Count;
            groupsOfBallot.Add(groups);
            weights.Add(ballot.Weight);
        }

        var order = Enumerable.Range(0, groupsOfBallot.Count).ToArray();
        Array.Sort(order, (a, b) => CompareLines(groupsOfBallot[a], groupsOfBallot[b]));
        var sorted = new RankedBallot[order.Length];
        for (var i = 0; i < order.Length; i++)
            sorted[i] = new RankedBallot(groupsOfBallot[order[i]], weights[order[i]]);
        return new BallotSet(names, sorted, null);
    }

    /// <summary>
    /// The ordinal order of two canonical lines, for prefix-free names: name by name, and where the names agree, by
    /// what follows — the end of the line sorts before " = ", which sorts before " > ".
    /// </summary>
    private static int CompareLines(int[][] a, int[][] b)
    {
        if (a.Length == 0 || b.Length == 0)
            return a.Length.CompareTo(b.Length);
        int groupA = 0, itemA = 0, groupB = 0, itemB = 0;
        while (true)
        {
            var byName = a[groupA][itemA].CompareTo(b[groupB][itemB]);
            if (byName != 0)
                return byName;
            var afterA = Advance(a, ref groupA, ref itemA);
            var afterB = Advance(b, ref groupB, ref itemB);
            if (afterA != afterB)
                return afterA.CompareTo(afterB);
            if (afterA == 0)
                return 0;
        }
    }

    /// <summary>Moves to the next name; returns what separated it: 0 the end of the line, 1 " = ", 2 " > ".</summary>
    private static int Advance(int[][] groups, ref int group, ref int item)
    {
        if (item + 1 < groups[group].Length)
        {
            item++;
            return 1;
        }
        if (group + 1 < groups.Length)
        {
            group++;
            item = 0;
            return 2;
        }
        return 0;
    }

    private static int[][] Renumbered(IReadOnlyList<int[]> groups, int[] newIndex)
    {
        var nonEmpty = 0;
        foreach (var group in groups)
            if (group.Length > 0)
                nonEmpty++;
        var result = new int[nonEmpty][];
        var g = 0;
        foreach (var group in groups)
        {
            if (group.Length == 0)
                continue;
            var renumbered = new int[group.Length];
            for (var i = 0; i < group.Length; i++)
                renumbered[i] = newIndex[group[i]];
            Array.Sort(renumbered);
            result[g++] = renumbered;
        }
        return result;
    }

    /// <summary>The general way, for names where one starts another: merge and sort by the lines themselves.</summary>
    private static BallotSet CanonicalByLines(string[] names, int[] newIndex, IEnumerable<RankedBallot> ballots)
    {
        var positionOfLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<string>();
        var groupsOfLine = new List<int[][]>();
        var weights = new List<long>();
        var line = new System.Text.StringBuilder();
        foreach (var ballot in ballots)
        {
            var groups = Renumbered(ballot.Groups, newIndex);
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
            groupsOfLine.Add(groups);
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
