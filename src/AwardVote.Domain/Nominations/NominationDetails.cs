namespace AwardVote.Domain.Nominations;

/// <summary>A number with its unit and the year it refers to (registered users, visits, events, loans).</summary>
public sealed class NominationStatistic
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public StatisticKind Kind { get; set; }
    /// <summary>For <see cref="StatisticKind.Other"/>: what is counted.</summary>
    public string? Label { get; set; }
    public decimal Value { get; set; }
    public string? Unit { get; set; }
    public int Year { get; set; }
}

public enum StatisticKind
{
    RegisteredUsers,
    Visits,
    Events,
    Loans,
    Other,
}

public sealed class NominationPartner
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
}

public sealed class NominationLink
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public int Order { get; set; }
    public required string Url { get; set; }
    public string? Title { get; set; }
}
