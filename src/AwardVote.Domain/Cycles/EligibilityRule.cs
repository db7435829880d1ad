namespace AwardVote.Domain.Cycles;

/// <summary>An eligibility rule of the statute, shown beside each nomination during screening.</summary>
public sealed class EligibilityRule
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public string? TextEn { get; set; }
}
