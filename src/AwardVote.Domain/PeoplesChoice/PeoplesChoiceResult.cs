namespace AwardVote.Domain.PeoplesChoice;

/// <summary>
/// The count of the public vote in one category of a cycle, stored once (unique per cycle and category), with the
/// canonical ballot file it read (one line per nominee, <c>Name * votes</c>, the ranked-ballot format that
/// <c>awardvote verify</c> reads), its SHA-256 and the plurality protocol.
/// </summary>
public sealed class PeoplesChoiceResult
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int CategoryId { get; set; }
    /// <summary>Confirmed votes counted (for nominations still in the running).</summary>
    public long Votes { get; set; }
    public required string BallotFile { get; set; }
    public required string BallotFileSha256 { get; set; }
    public required string ProtocolJson { get; set; }
    public DateTimeOffset CountedAt { get; set; }
}

/// <summary>
/// Something in the vote that looks like abuse, reported to the administrator rather than silently dropped: a burst
/// of requests from one address on the internet or for one nomination, or addresses at throwaway-mail domains. One
/// row per cycle, kind, subject and time window (a unique key), so a detector that runs twice reports once.
/// </summary>
public sealed class VoteAlert
{
    public long Id { get; set; }
    public int CycleId { get; set; }
    public VoteAlertKind Kind { get; set; }
    /// <summary>The IP address, the nomination id, or the throwaway domain.</summary>
    public required string Subject { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public DateTimeOffset WindowEnd { get; set; }
    /// <summary>Vote requests seen in the window (the most a detector run has counted).</summary>
    public int Requests { get; set; }
    /// <summary>For <see cref="VoteAlertKind.SimilarAddresses"/>: the addresses of the group, one a line, as typed (upper-cased).</summary>
    public string? Addresses { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
}

public enum VoteAlertKind
{
    IpBurst,
    NominationBurst,
    DisposableDomain,
    /// <summary>Several spellings of one mailbox, or many addresses that differ only in digits and punctuation.</summary>
    SimilarAddresses,
}
