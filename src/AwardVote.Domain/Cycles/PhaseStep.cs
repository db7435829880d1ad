namespace AwardVote.Domain.Cycles;

/// <summary>
/// One step of a cycle's schedule: the phase (and judging round) and when it starts. A step without a start
/// time is moved to by hand or by another job (counting, publication), never by the clock.
/// </summary>
public sealed class PhaseStep
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int Sequence { get; set; }
    public CyclePhase Phase { get; set; }
    public int RoundNumber { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
}
