namespace AwardVote.Domain.PeoplesChoice;

/// <summary>A request to vote, waiting for the voter to open the e-mailed one-time link.</summary>
public sealed class VoteRequest
{
    public long Id { get; set; }
    public int CycleId { get; set; }
    public int CategoryId { get; set; }
    public int NominationId { get; set; }
    /// <summary>Upper-cased address, so that case variants are one voter.</summary>
    public required string VoterEmail { get; set; }
    /// <summary>The mailbox (<see cref="VoterAddress.Canonical"/>): what the per-address limit and the one-vote key go by.</summary>
    public required string VoterKey { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? RequestIp { get; set; }
    /// <summary>The address is at a well-known throwaway-mail domain: accepted, and reported to the administrator.</summary>
    public bool FromDisposableDomain { get; set; }
}

/// <summary>
/// A confirmed public vote. Unique per cycle, mailbox (<see cref="VoterKey"/>) and <see cref="AllowanceKey"/> (the
/// category, or the whole cycle when the statute allows one vote in all): the database, not the page, keeps it to one,
/// however the address is spelled.
/// </summary>
public sealed class PeoplesChoiceVote
{
    public long Id { get; set; }
    public int CycleId { get; set; }
    public int CategoryId { get; set; }
    public int NominationId { get; set; }
    public required string VoterEmail { get; set; }
    /// <summary>
    /// <see cref="VoterAddress.Canonical"/> of the address. Votes stored before this key existed carry their
    /// upper-cased address here (migration VoterMailboxKey).
    /// </summary>
    public required string VoterKey { get; set; }
    /// <summary>"category:5" or "cycle".</summary>
    public required string AllowanceKey { get; set; }
    public long VoteRequestId { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
}

/// <summary>An address on the member list the administrator uploaded, where only members may vote.</summary>
public sealed class MemberListEntry
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public required string Email { get; set; }
}
