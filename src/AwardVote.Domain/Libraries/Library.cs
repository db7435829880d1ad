namespace AwardVote.Domain.Libraries;

public sealed class Library
{
    public int Id { get; set; }
    /// <summary>The name as registered: the nominative.</summary>
    public required string Name { get; set; }
    /// <summary>The name's other cases for Latvian sentences (see <see cref="LibraryName"/>); null on libraries
    /// registered before the forms were kept, which get the proposal of <see cref="LatvianDeclension"/>.</summary>
    public string? NameGenitive { get; set; }
    public string? NameDative { get; set; }
    public string? NameAccusative { get; set; }
    public string? NameLocative { get; set; }
    public required string Region { get; set; }
    /// <summary>City or municipality: conflict-of-interest proposals match on it, never on generic words.</summary>
    public string? Municipality { get; set; }
    public LibraryType Type { get; set; }
    public required string RegistrationNumber { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public LibraryStatus Status { get; set; } = LibraryStatus.PendingApproval;
    /// <summary>Told to the library when its registration is refused.</summary>
    public string? RefusalReason { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public enum LibraryType
{
    Public,
    RegionalMain,
    Academic,
    School,
    Special,
    National,
    Other,
}

public enum LibraryStatus
{
    PendingApproval,
    Approved,
    Refused,
}
