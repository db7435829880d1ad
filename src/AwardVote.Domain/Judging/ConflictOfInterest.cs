namespace AwardVote.Domain.Judging;

/// <summary>
/// A juror's conflict with one nomination, declared by the juror or proposed by the system. Once confirmed, the
/// juror cannot see the nomination's other scores, cannot score or rank it and is left out of its average.
/// </summary>
public sealed class ConflictOfInterest
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int NominationId { get; set; }
    public required string JurorUserId { get; set; }
    public ConflictSource Source { get; set; }
    public required string Reason { get; set; }
    public ConflictStatus Status { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
}

public enum ConflictSource
{
    DeclaredByJuror,
    OwnLibrary,
    RepresentedLibrary,
    SameMunicipality,
    SameRegion,
    DeclaredRelationship,
}

public enum ConflictStatus
{
    Proposed,
    Confirmed,
    Dismissed,
}
