namespace AwardVote.Domain.Cycles;

public sealed class Round
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    /// <summary>1 for the first judging round.</summary>
    public int Number { get; set; }
    public BallotKind Kind { get; set; }
    public CountingMethod Method { get; set; }
    /// <summary>How many nominations go on to the next round (null: this round decides).</summary>
    public int? ShortlistSize { get; set; }
    /// <summary>Whether a ranked ballot may place two nominations equal.</summary>
    public bool AllowEqualRanks { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Set on a round added after the statute's last one to repeat its ballot among the tied.</summary>
    public int? RepeatOfRoundId { get; set; }
}

public enum BallotKind
{
    Score,
    Ranked,
}

public enum CountingMethod
{
    WeightedMean,
    Schulze,
    Borda,
    InstantRunoff,
    Plurality,
}
