using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Cycles;

public sealed class SaveScheduleInput
{
    /// <summary>The cycle's version the form or the client read.</summary>
    public Guid Version { get; set; }

    /// <summary>The steps whose start changes, by sequence; a step left out keeps its time.</summary>
    public List<ScheduleStepInput> Steps { get; set; } = [];
}

/// <summary><c>StartsAt</c> with any offset (stored in UTC); null: the step has no time and is moved by hand or by its job.</summary>
public sealed record ScheduleStepInput(int Sequence, DateTimeOffset? StartsAt);

/// <summary>
/// The administrator sets when each phase starts. Unlike the statute, the dates of phases not yet reached can change
/// after nominations open (a jury may need a week more); a phase already reached keeps its date.
/// </summary>
public sealed class SaveSchedule(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome<AwardCycle>> RunAsync(int cycleId, SaveScheduleInput input, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.LoadAsync(db, cycleId, cancellationToken) is not { } cycle)
            return Refusal.NotFound;
        var before = StatuteEditor.Snapshot(cycle);
        // Steps up to the current one have happened: their dates are history and stay as they are.
        var reached = PhasePlan.CurrentStep(cycle)?.Sequence ?? int.MaxValue;
        var refusals = new List<Refusal>();
        foreach (var change in input.Steps ?? [])
        {
            var step = cycle.Schedule.FirstOrDefault(s => s.Sequence == change.Sequence);
            var startsAt = change.StartsAt?.ToUniversalTime();
            if (step is null)
                refusals.Add(Refusal.Invalid(Field, RefusalCode.ScheduleStepUnknown, change.Sequence));
            else if (step.Sequence <= reached && step.StartsAt != startsAt)
                refusals.Add(StatuteRefusals.For(new StatuteProblem(StatuteSection.Schedule, StatuteProblemKind.ReachedStepChanged, step.Sequence), Field));
            else
                step.StartsAt = startsAt;
        }
        refusals.AddRange(StatuteRefusals.Of(StatuteRules.ValidateSchedule(cycle.Schedule), Field));
        if (refusals.Count > 0)
            return Outcome<AwardCycle>.Refused(refusals.DistinctBy(r => (r.Code, r.Field, string.Join(",", r.Args))));

        var saved = await StatuteEditor.SaveAsync(db, audit, cycle, input.Version, StatuteEditor.ScheduleChanged, before, [], scheduleOnly: true, cancellationToken);
        return saved.Succeeded ? cycle : Outcome<AwardCycle>.Refused(saved.Refusals);
    }

    private const string Field = "Schedule";
}
