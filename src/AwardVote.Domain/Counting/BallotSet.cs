using System.Runtime.InteropServices;

namespace AwardVote.Domain.Counting;

/// <summary>
/// The ballots of one ranked round in canonical form: candidates sorted by name (ordinal), identical ballots merged,
/// ballots in canonical order. Counting only ever sees this form, so the result cannot depend on the order the
/// ballots came in or on the database they were read from.
/// </summary>
public sealed class BallotSet
{
    private IReadOnlyList<string>? _canonicalLines;
    private string? _sha256;
    private BallotArrays? _arrays;

    public BallotSet(IReadOnlyList<string> candidates, IReadOnlyList<WeightedRanking> ballots)
        : this(candidates, ballots, null)
    {
    }

    private BallotSet(IReadOnlyList<string> candidates, IReadOnlyList<WeightedRanking> ballots, IReadOnlyList<string>? canonicalLines)
    {
        Candidates = candidates;
        Ballots = ballots;
        TotalWeight = ballots.Sum(b => b.Weight);
        _canonicalLines = canonicalLines;
    }

    public IReadOnlyList<string> Candidates { get; }
    public IReadOnlyList<WeightedRanking> Ballots { get; }
    /// <summary>Number of voters (the sum of the weights).</summary>
    public long TotalWeight { get; }

    /// <summary>Each ballot's line in the canonical file, without its weight; built once, when the file is written.</summary>
    internal IReadOnlyList<string> CanonicalLines =>
        _canonicalLines ??= Ballots.Select(b => CanonicalLine(Candidates, b.Groups, b.NoPreference)).ToArray();

    /// <summary>The ballots laid out flat for counting, built once.</summary>
    internal BallotArrays Arrays => _arrays ??= BallotArrays.From(Ballots, Candidates.Count);

    /// <summary>The SHA-256 of the canonical file, computed once.</summary>
    public string Sha256 => _sha256 ??= BallotFileWriter.ComputeSha256Hex(this);

    /// <summary>
    /// Builds the canonical set from ballots over any candidate numbering: renumbers candidates by name,
    /// sorts each group, merges identical ballots and sorts the ballots by their line in the canonical file.
    /// </summary>
    public static BallotSet Canonical(IReadOnlyList<string> candidates, IEnumerable<WeightedRanking> ballots)
    {
        var (names, newIndex) = SortNames(candidates);
        if (!NamesArePrefixFree(names))
            return CanonicalByLines(names, newIndex, ballots);

        var merged = new Dictionary<string, long>(StringComparer.Ordinal);
        var mergedLookup = merged.GetAlternateLookup<ReadOnlySpan<char>>();
        var flat = new List<int>();
        var groupEnds = new List<int>();
        var unranked = new List<int>();
        var key = new char[64];
        foreach (var ballot in ballots)
        {
            flat.Clear();
            groupEnds.Clear();
            unranked.Clear();
            foreach (var group in ballot.Groups)
            {
                if (group.Length == 0)
                    continue;
                foreach (var candidate in group)
                    flat.Add(newIndex[candidate]);
                groupEnds.Add(flat.Count);
            }
            foreach (var candidate in ballot.NoPreference)
                unranked.Add(newIndex[candidate]);
            var length = BallotKey.Length(flat.Count, unranked.Count);
            if (key.Length < length)
                key = new char[length * 2];
            BallotKey.Write(CollectionsMarshal.AsSpan(flat), CollectionsMarshal.AsSpan(groupEnds), CollectionsMarshal.AsSpan(unranked), key.AsSpan(0, length));
            ref var weight = ref CollectionsMarshal.GetValueRefOrAddDefault(mergedLookup, key.AsSpan(0, length), out _);
            weight = checked(weight + ballot.Weight);
        }
        return Sorted(names, [.. merged.Keys], [.. merged.Values]);
    }

    /// <summary>
    /// The parser's way in: ballots already merged, as <see cref="BallotKey"/>s over the candidates numbered by first
    /// appearance. Renumbering by name keeps distinct keys distinct, so no second merge is needed.
    /// </summary>
    internal static BallotSet FromKeys(string[] candidates, Dictionary<string, long> ballots)
    {
        var (names, newIndex) = SortNames(candidates);
        if (!NamesArePrefixFree(names))
            return CanonicalByLines(names, newIndex, ballots.Select(b => new WeightedRanking(BallotKey.Groups(b.Key), b.Value, BallotKey.Unranked(b.Key))));

        var keys = new string[ballots.Count];
        var weights = new long[ballots.Count];
        var flat = new List<int>();
        var groupEnds = new List<int>();
        var unranked = new List<int>();
        var i = 0;
        foreach (var (key, weight) in ballots)
        {
            weights[i] = weight;
            if (key.Length == 0)
            {
                keys[i++] = key;
                continue;
            }
            flat.Clear();
            groupEnds.Clear();
            unranked.Clear();
            var ranked = BallotKey.Ranked(key);
            for (var position = 0; position < ranked.Length; position++)
            {
                var c = ranked[position];
                if (c == BallotKey.Above)
                    groupEnds.Add(flat.Count);
                else if (c != BallotKey.EqualTo)
                    flat.Add(newIndex[c - BallotKey.NameOffset]);
            }
            if (flat.Count > 0)
                groupEnds.Add(flat.Count);
            foreach (var candidate in BallotKey.Unranked(key))
                unranked.Add(newIndex[candidate]);
            keys[i] = string.Create(key.Length, (flat, groupEnds, unranked), static (span, state) =>
                BallotKey.Write(CollectionsMarshal.AsSpan(state.flat), CollectionsMarshal.AsSpan(state.groupEnds), CollectionsMarshal.AsSpan(state.unranked), span));
            i++;
        }
        return Sorted(names, keys, weights);
    }

    /// <summary>Sorts canonical keys ordinally (which is the order of the lines, see <see cref="BallotKey"/>) and makes the set.</summary>
    private static BallotSet Sorted(string[] names, string[] keys, long[] weights)
    {
        BallotKey.Sort(keys, weights, names.Length);
        var sorted = new WeightedRanking[keys.Length];
        for (var i = 0; i < keys.Length; i++)
            sorted[i] = new WeightedRanking(BallotKey.Groups(keys[i]), weights[i], BallotKey.Unranked(keys[i]));
        return new BallotSet(names, sorted, null);
    }

    private static (string[] Names, int[] NewIndex) SortNames(IReadOnlyList<string> candidates)
    {
        var byName = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i], StringComparer.Ordinal).ToArray();
        var newIndex = new int[candidates.Count];
        for (var i = 0; i < byName.Length; i++)
            newIndex[byName[i]] = i;
        return (byName.Select(i => candidates[i]).ToArray(), newIndex);
    }

    /// <summary>
    /// True when the names are distinct, none is the start of another and there are few enough for a
    /// <see cref="BallotKey"/>: then keys sort like lines. Names sorted ordinally: a name that starts another starts
    /// its successor.
    /// </summary>
    private static bool NamesArePrefixFree(string[] sortedNames)
    {
        if (sortedNames.Length > BallotKey.MaxCandidates)
            return false;
        for (var i = 1; i < sortedNames.Length; i++)
            if (sortedNames[i].StartsWith(sortedNames[i - 1], StringComparison.Ordinal))
                return false;
        return true;
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
    private static BallotSet CanonicalByLines(string[] names, int[] newIndex, IEnumerable<WeightedRanking> ballots)
    {
        var positionOfLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<string>();
        var groupsOfLine = new List<(int[][] Groups, int[] Unranked)>();
        var weights = new List<long>();
        var line = new System.Text.StringBuilder();
        foreach (var ballot in ballots)
        {
            var groups = Renumbered(ballot.Groups, newIndex);
            var unranked = ballot.NoPreference.Select(c => newIndex[c]).Order().ToArray();
            line.Clear();
            AppendCanonicalLine(line, names, groups, unranked);
            var key = line.ToString();
            if (positionOfLine.TryGetValue(key, out var position))
            {
                weights[position] = checked(weights[position] + ballot.Weight);
                continue;
            }
            positionOfLine[key] = lines.Count;
            lines.Add(key);
            groupsOfLine.Add((groups, unranked));
            weights.Add(ballot.Weight);
        }

        var sortedLines = lines.ToArray();
        var order = Enumerable.Range(0, sortedLines.Length).ToArray();
        Array.Sort(sortedLines, order, StringComparer.Ordinal);
        var sorted = order.Select(i => new WeightedRanking(groupsOfLine[i].Groups, weights[i], groupsOfLine[i].Unranked)).ToArray();
        return new BallotSet(names, sorted, sortedLines);
    }

    /// <summary>The ballot's line in the canonical file, without its weight.</summary>
    internal static string CanonicalLine(IReadOnlyList<string> names, IReadOnlyList<int[]> groups, int[] unranked)
    {
        var line = new System.Text.StringBuilder();
        AppendCanonicalLine(line, names, groups, unranked);
        return line.ToString();
    }

    /// <summary>The ranked part, then " ~ " and the names the ballot expresses no preference about, in canonical order.</summary>
    private static void AppendCanonicalLine(System.Text.StringBuilder line, IReadOnlyList<string> names, IReadOnlyList<int[]> groups, int[] unranked)
    {
        AppendRanking(line, names, groups);
        if (unranked.Length == 0)
            return;
        line.Append(" ~ ");
        var sorted = (int[])unranked.Clone();
        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0)
                line.Append(", ");
            line.Append(names[sorted[i]]);
        }
    }

    private static void AppendRanking(System.Text.StringBuilder line, IReadOnlyList<string> names, IReadOnlyList<int[]> groups)
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
