namespace AwardVote.Domain.Counting;

/// <summary>
/// A ranked ballot as the counting engine sees it: groups of candidate indices, best first, cast by
/// <see cref="Weight"/> voters (identical ballots are merged into one). Candidates in one group are ranked equal;
/// candidates in no group were left off and rank below every listed candidate, equal among themselves.
/// (Not the juror's stored ballot, <see cref="Judging.RankedBallot"/>: that names nominations, this numbers the
/// candidates of one <see cref="BallotSet"/>.)
/// </summary>
public sealed record WeightedRanking(IReadOnlyList<int[]> Groups, long Weight)
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
