namespace AwardVote.Domain.Nominations;

/// <summary>A letter of support, written without an account through a one-time link the library sent.</summary>
public sealed class Endorsement
{
    public int Id { get; set; }
    public int NominationId { get; set; }
    public required string EndorserName { get; set; }
    public required string EndorserEmail { get; set; }
    public string? EndorserTitle { get; set; }
    public string? Organisation { get; set; }
    public string Culture { get; set; } = "lv";
    /// <summary>SHA-256 of the one-time token; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTimeOffset TokenExpiresAt { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? RequestedByUserId { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public string? Letter { get; set; }
    /// <summary>The endorser asked to be told the results.</summary>
    public bool WantsResults { get; set; }
    public EndorsementStatus Status { get; set; } = EndorsementStatus.Requested;
}

public enum EndorsementStatus
{
    Requested,
    Received,
    Revoked,
}
