namespace AwardVote.Domain.Cycles;

/// <summary>A category of a cycle; each has its own jury panel.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
}
