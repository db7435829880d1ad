namespace AwardVote.Infrastructure.Auditing;

/// <summary>Who changed what, when, with the state before and after; written in the transaction of the change.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The account that acted, or null for the system (a job, the command-line tool).</summary>
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public int? CycleId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
}
