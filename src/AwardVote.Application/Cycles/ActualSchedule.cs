using System.Text.Json;
using AwardVote.Application.Results;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

/// <summary>
/// When each step of a cycle really began, read from the audit entries of its phase moves (by the clock, by hand, by
/// counting and by publication alike, see <see cref="CycleTransitions"/>): after a move by hand the public schedule
/// shows what happened, not what was planned. A step reached more than once (moved back and forward again) began
/// at its last arrival.
/// </summary>
public static class ActualSchedule
{
    private static readonly string[] Moves = [CycleTransitions.AdvancedByClock, CycleTransitions.MovedByHand, PublishResults.PublishedAction];

    /// <returns>The start of every step the cycle has reached, by the step's sequence number.</returns>
    public static async Task<Dictionary<int, DateTimeOffset>> StartsAsync(AppDbContext db, AwardCycle cycle, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CycleId == cycle.Id && a.EntityType == "Cycle" && Moves.Contains(a.Action) && a.After != null)
            .Select(a => new { a.At, a.After })
            .ToListAsync(cancellationToken);
        var starts = new Dictionary<int, DateTimeOffset>();
        foreach (var entry in entries.OrderBy(e => e.At))
        {
            if (Step(cycle, entry.After!) is { } step)
                starts[step.Sequence] = entry.At;
        }
        // A step after the current one was left by a move back: it has not begun (again) yet.
        if (PhasePlan.CurrentStep(cycle) is { } current)
        {
            foreach (var later in starts.Keys.Where(sequence => sequence > current.Sequence).ToList())
                starts.Remove(later);
        }
        return starts;
    }

    private static PhaseStep? Step(AwardCycle cycle, string after)
    {
        try
        {
            using var json = JsonDocument.Parse(after);
            if (!json.RootElement.TryGetProperty("Phase", out var phase) || !Enum.TryParse<CyclePhase>(phase.GetString(), out var value))
                return null;
            var round = json.RootElement.TryGetProperty("RoundNumber", out var number) && number.TryGetInt32(out var n) ? n : 0;
            return cycle.Schedule.FirstOrDefault(s => s.Phase == value && s.RoundNumber == round);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
