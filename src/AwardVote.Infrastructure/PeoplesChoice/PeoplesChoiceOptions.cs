namespace AwardVote.Infrastructure.PeoplesChoice;

/// <summary>The people's-choice vote's limits, from configuration section <c>PeoplesChoice</c>.</summary>
public sealed class PeoplesChoiceOptions
{
    public const string Section = "PeoplesChoice";

    /// <summary>How long an e-mailed confirmation link works (never past the close of the vote).</summary>
    public int LinkLifetimeHours { get; set; } = 24;
    /// <summary>Vote requests one address may make in an hour, counted from the database (every node agrees).</summary>
    public int RequestsPerAddressPerHour { get; set; } = 5;
    /// <summary>Vote requests one IP address may make in a minute, on each node (ASP.NET Core rate limiting).</summary>
    public int RequestsPerIpPerMinute { get; set; } = 30;
    /// <summary>The time window the abuse detector counts requests in.</summary>
    public int BurstWindowMinutes { get; set; } = 10;
    /// <summary>Requests from one IP address in one window from which the administrator is told.</summary>
    public int IpBurstThreshold { get; set; } = 100;
    /// <summary>Requests for one nomination in one window from which the administrator is told.</summary>
    public int NominationBurstThreshold { get; set; } = 1000;
    /// <summary>
    /// Different mailboxes in one window whose addresses differ only in digits and punctuation ("anna1@", "anna2@")
    /// from which the administrator is told. Two spellings of one mailbox are always reported.
    /// </summary>
    public int SimilarAddressThreshold { get; set; } = 3;
}
