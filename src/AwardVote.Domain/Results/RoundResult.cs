using AwardVote.Domain.Counting;

namespace AwardVote.Domain.Results;

/// <summary>The count of one round in one category: stored once (a unique key), so counting twice changes nothing.</summary>
public sealed class RoundResult
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int CategoryId { get; set; }
    public required string Method { get; set; }
    public RoundOutcome Outcome { get; set; }
    /// <summary>The canonical ballot file the count read, as exported for offline recounting.</summary>
    public required string BallotFile { get; set; }
    public required string BallotFileSha256 { get; set; }
    /// <summary>Every step of the count, tie-breaks and the order, as JSON.</summary>
    public required string ProtocolJson { get; set; }
    public DateTimeOffset CountedAt { get; set; }
}

public enum RoundOutcome
{
    Decided,
    UnbrokenTie,
    RepeatBallotRequired,
}

public static class RoundOutcomes
{
    /// <summary>The stored outcome of a protocol's outcome; no ballots is a tie nobody can break but a new round.</summary>
    public static RoundOutcome Of(CountOutcome outcome) => outcome switch
    {
        CountOutcome.Decided => RoundOutcome.Decided,
        CountOutcome.RepeatBallotRequired => RoundOutcome.RepeatBallotRequired,
        _ => RoundOutcome.UnbrokenTie,
    };
}

/// <summary>
/// The public announcement of a category's laureate. Published results never change: a correction is a new
/// publication pointing at the one it corrects.
/// </summary>
public sealed class Publication
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int CategoryId { get; set; }
    public int? RoundResultId { get; set; }
    public int LaureateNominationId { get; set; }
    public required string Citation { get; set; }
    public string? CitationEn { get; set; }
    public string? CitationByUserId { get; set; }
    public string? ApprovedByUserId { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }
    public string? PublishedByUserId { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int? CorrectsPublicationId { get; set; }
    /// <summary>
    /// 1 for a category's first announcement, the corrected one's plus one for a correction: with the cycle and
    /// category a unique key, so two people starting the same announcement or correction make one.
    /// </summary>
    public int Sequence { get; set; } = 1;
    /// <summary>Why a correction was made, shown publicly beside it (Latvian; English optional).</summary>
    public string? CorrectionNote { get; set; }
    public string? CorrectionNoteEn { get; set; }
    /// <summary>Changed on every update: a stale form, or an edit racing the publication, is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsPublished => PublishedAt is not null;
    public bool IsApproved => ApprovedAt is not null;
}
