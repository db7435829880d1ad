using System.Text.Json;
using System.Text.Json.Serialization;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Infrastructure.Auditing;

/// <summary>Who is acting: the signed-in person in a request, the system in a job or the command-line tool.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string Name { get; }
}

public sealed class SystemAuditActor : IAuditActor
{
    public string? UserId => null;
    public string Name => "system";
}

/// <summary>
/// Adds audit entries to the unit of work; they are saved by the caller's SaveChanges, so a change and its
/// audit entry commit or fail together.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, IAuditActor actor)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
    };

    public AuditEntry Record(string action, string entityType, object entityId, object? before = null,
        object? after = null, string? reason = null, int? cycleId = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            CycleId = cycleId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Reason = reason,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
