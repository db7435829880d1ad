namespace AwardVote.Domain.Accounts;

/// <summary>An e-mailed, one-time invitation to take a scoped role (juror, chair, library representative).</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public ScopedRole Role { get; set; }
    public int? LibraryId { get; set; }
    public int? CycleId { get; set; }
    public int? CategoryId { get; set; }
    /// <summary>SHA-256 of the token in the link; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public string? InvitedByUserId { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTimeOffset? DeclinedAt { get; set; }
}
