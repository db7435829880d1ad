using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Counting;

/// <summary>
/// What counts each counting method of the statute: <see cref="ScoreCounter"/> counts score ballots (by their
/// weighted mean, its only method), <see cref="RankedCounter"/> counts ranked ballots with a <see cref="RankedMethod"/>.
/// Every method is mapped by name and a method not mapped throws: a method added to <see cref="CountingMethod"/> and
/// forgotten here must fail its count, not be counted as some other method. The checklist for a new method is in
/// docs/decisions/0005-counting-engine-choices.md.
/// </summary>
public static class CountingMethods
{
    /// <summary>The ballots a method counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A method not mapped here.</exception>
    public static BallotKind BallotKindOf(CountingMethod method) => method switch
    {
        CountingMethod.WeightedMean => BallotKind.Score,
        CountingMethod.Schulze or CountingMethod.Borda or CountingMethod.InstantRunoff or CountingMethod.Plurality => BallotKind.Ranked,
        _ => throw NotMapped(method),
    };

    /// <summary>The ranked counter's method for a ranked counting method.</summary>
    /// <exception cref="ArgumentException">A score method: <see cref="ScoreCounter"/> counts it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A method not mapped here.</exception>
    public static RankedMethod ToRanked(CountingMethod method) => method switch
    {
        CountingMethod.Schulze => RankedMethod.Schulze,
        CountingMethod.Borda => RankedMethod.Borda,
        CountingMethod.InstantRunoff => RankedMethod.InstantRunoff,
        CountingMethod.Plurality => RankedMethod.Plurality,
        CountingMethod.WeightedMean =>
            throw new ArgumentException($"Counting method {method} counts score ballots (ScoreCounter), not ranked ones.", nameof(method)),
        _ => throw NotMapped(method),
    };

    private static ArgumentOutOfRangeException NotMapped(CountingMethod method) =>
        new(nameof(method), method,
            $"Counting method {method} is not mapped to a counter: add it to CountingMethods (see the checklist in docs/decisions/0005-counting-engine-choices.md).");
}
