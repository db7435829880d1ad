namespace AwardVote.Infrastructure.Mail;

/// <summary>
/// A mail waiting to be delivered. Written in the same transaction as the change that causes it and delivered by
/// <see cref="DeliverOutboxJob"/>; the unique <see cref="DeduplicationKey"/> keeps each (recipient, purpose) to one.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string DeduplicationKey { get; set; }
    public required string Purpose { get; set; }
    public required string ToEmail { get; set; }
    public string? ToName { get; set; }
    public required string Culture { get; set; }
    public required string Subject { get; set; }
    /// <summary>Until the message is sent; then <see cref="Removed"/> (see <see cref="DeliverOutboxJob"/>, <see cref="PurgeMailBodiesJob"/>).</summary>
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>While set and in the future, one delivery run owns the message; others leave it alone.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The text of a message once its body is gone: sent, or failed and kept past the retention period.</summary>
    public const string Removed = "";
}

public enum OutboxStatus
{
    Pending,
    Sent,
    /// <summary>The server refused it for good (5xx) or retries ran out; listed for the administrator.</summary>
    Failed,
}
