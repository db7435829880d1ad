namespace AwardVote.Domain.Counting;

/// <summary>
/// A ballot set laid out flat for counting: every listed candidate in one array, ballot by ballot and group by group,
/// with the group and ballot boundaries as offsets. Counting walks these plain arrays instead of a list of lists
/// (no enumerator, no allocation per ballot), which keeps a national vote's count far below a second; see
/// docs/benchmarks.md. Empty groups are left out: they rank nobody and change no count.
/// </summary>
internal sealed class BallotArrays
{
    private BallotArrays(int[] entries, int[] groupStarts, int[] ballotGroups, long[] weights, int largestGroup,
        int[] unranked, int[] ballotUnranked)
    {
        Entries = entries;
        GroupStarts = groupStarts;
        BallotGroups = ballotGroups;
        Weights = weights;
        LargestGroup = largestGroup;
        Unranked = unranked;
        BallotUnranked = ballotUnranked;
    }

    /// <summary>Candidate indices, ballot by ballot, best group first.</summary>
    public int[] Entries { get; }
    /// <summary>Where each group starts in <see cref="Entries"/>; one more at the end.</summary>
    public int[] GroupStarts { get; }
    /// <summary>Each ballot's first group in <see cref="GroupStarts"/>; one more at the end.</summary>
    public int[] BallotGroups { get; }
    public long[] Weights { get; }
    /// <summary>The size of the largest group on any ballot, at least 1.</summary>
    public int LargestGroup { get; }

    /// <summary>The candidates each ballot expresses no preference about (recusals), ballot by ballot.</summary>
    public int[] Unranked { get; }
    /// <summary>Where each ballot's no-preference candidates start in <see cref="Unranked"/>; one more at the end.</summary>
    public int[] BallotUnranked { get; }
    /// <summary>True when some ballot expresses no preference about someone: the methods then take their neutral path.</summary>
    public bool HasNoPreferences => Unranked.Length > 0;

    public int BallotCount => Weights.Length;

    /// <exception cref="ArgumentException">A candidate outside the set, or listed twice on one ballot.</exception>
    public static BallotArrays From(IReadOnlyList<WeightedRanking> ballots, int candidateCount)
    {
        var entryCount = 0;
        var groupCount = 0;
        var largestGroup = 1;
        var unrankedCount = 0;
        foreach (var ballot in ballots)
        {
            unrankedCount += ballot.NoPreference.Length;
            foreach (var group in ballot.Groups)
            {
                if (group.Length == 0)
                    continue;
                entryCount += group.Length;
                groupCount++;
                largestGroup = Math.Max(largestGroup, group.Length);
            }
        }

        var entries = new int[entryCount];
        var groupStarts = new int[groupCount + 1];
        var ballotGroups = new int[ballots.Count + 1];
        var weights = new long[ballots.Count];
        var unranked = new int[unrankedCount];
        var ballotUnranked = new int[ballots.Count + 1];
        var unrankedEntry = 0;
        // The ballot that last listed each candidate, to refuse a candidate twice on one ballot (the methods would
        // each read such a ballot differently; the parser never makes one).
        var lastBallot = new int[candidateCount];
        Array.Fill(lastBallot, -1);
        var entry = 0;
        var groupIndex = 0;
        for (var b = 0; b < ballots.Count; b++)
        {
            var ballot = ballots[b];
            ballotGroups[b] = groupIndex;
            weights[b] = ballot.Weight;
            var groups = ballot.Groups;
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                if (group.Length == 0)
                    continue;
                groupStarts[groupIndex++] = entry;
                foreach (var candidate in group)
                {
                    if ((uint)candidate >= (uint)candidateCount)
                        throw new ArgumentException($"ballot {b + 1} names candidate {candidate}, but there are {candidateCount}");
                    if (lastBallot[candidate] == b)
                        throw new ArgumentException($"ballot {b + 1} lists candidate {candidate} twice");
                    lastBallot[candidate] = b;
                    entries[entry++] = candidate;
                }
            }
            ballotUnranked[b] = unrankedEntry;
            foreach (var candidate in ballot.NoPreference)
            {
                if ((uint)candidate >= (uint)candidateCount)
                    throw new ArgumentException($"ballot {b + 1} names candidate {candidate}, but there are {candidateCount}");
                if (lastBallot[candidate] == b)
                    throw new ArgumentException($"ballot {b + 1} both ranks candidate {candidate} (or names it twice) and expresses no preference about it");
                lastBallot[candidate] = b;
                unranked[unrankedEntry++] = candidate;
            }
        }
        ballotUnranked[ballots.Count] = unrankedEntry;
        groupStarts[groupIndex] = entry;
        ballotGroups[ballots.Count] = groupIndex;
        return new BallotArrays(entries, groupStarts, ballotGroups, weights, largestGroup, unranked, ballotUnranked);
    }
}
