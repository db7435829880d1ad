namespace AwardVote.Domain.Nominations;

/// <summary>
/// A photo or PDF of a nomination (or of an endorsement letter). The bytes live outside the web root under
/// <see cref="StorageKey"/>; the type was decided from the content, not from the name.
/// </summary>
public sealed class Attachment
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public int? EndorsementId { get; set; }
    public AttachmentKind Kind { get; set; }
    public required string OriginalFileName { get; set; }
    /// <summary>The name it is served under: letters, digits, dot, dash and underscore only.</summary>
    public required string SafeFileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }
    public string? Caption { get; set; }
    /// <summary>People shown in a photo agreed to its use.</summary>
    public bool ConsentGiven { get; set; }
    public string? Licence { get; set; }
    public string? Credit { get; set; }
    /// <summary>The library allows the photo on the public announcement page.</summary>
    public bool PublicAfterPublication { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedByUserId { get; set; }
}

public enum AttachmentKind
{
    Photo,
    Pdf,
}
