namespace AwardVote.Domain.Counting;

/// <summary>
/// A ranked ballot as the counting engine sees it: groups of candidate indices, best first, cast by
/// <see cref="Weight"/> voters (identical ballots are merged into one). Candidates in one group are ranked equal;
/// candidates in no group were left off and rank below every listed candidate, equal among themselves — except the
/// candidates in <see cref="NoPreference"/>, about whom the ballot says nothing (a juror's recusal): the ballot takes
/// part in no comparison that involves them (ADR 0005, "Recusals").
/// (Not the juror's stored ballot, <see cref="Judging.RankedBallot"/>: that names nominations, this numbers the
/// candidates of one <see cref="BallotSet"/>.)
/// </summary>
public sealed record WeightedRanking(IReadOnlyList<int[]> Groups, long Weight)
{
    public WeightedRanking(IReadOnlyList<int[]> groups, long weight, int[] noPreference)
        : this(groups, weight) => NoPreference = noPreference;

    /// <summary>The candidates this ballot expresses no preference about, in no particular order; never ranked on it.</summary>
    public int[] NoPreference { get; init; } = [];

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
