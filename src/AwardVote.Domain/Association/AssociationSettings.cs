namespace AwardVote.Domain.Association;

/// <summary>The one row that describes the association running the award.</summary>
public sealed class AssociationSettings
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public required string ShortName { get; set; }
    public string? Website { get; set; }
    public required string ContactEmail { get; set; }
    /// <summary>IANA zone in which deadlines are shown and entered; stored times are UTC.</summary>
    public string TimeZone { get; set; } = "Europe/Riga";
    public string DefaultCulture { get; set; } = "lv";
}
