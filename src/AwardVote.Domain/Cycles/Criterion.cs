namespace AwardVote.Domain.Cycles;

/// <summary>A scoring criterion of the statute: its weight is data the count uses, not prose.</summary>
public sealed class Criterion
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    public decimal Weight { get; set; } = 1m;
    public int ScaleMin { get; set; } = 1;
    public int ScaleMax { get; set; } = 5;
    /// <summary>An optional criterion offers "no entry" on the ballot.</summary>
    public bool IsOptional { get; set; }
    public List<ScaleLevel> Levels { get; set; } = [];
}

/// <summary>The visible label of one score value ("4 — strong, documented impact").</summary>
public sealed class ScaleLevel
{
    public int Id { get; set; }
    public int CriterionId { get; set; }
    public int Value { get; set; }
    public required string Label { get; set; }
    public string? LabelEn { get; set; }
}
