namespace AwardVote.Domain.Nominations;

/// <summary>A library's application in one cycle and category. At most one per library, cycle and category.</summary>
public sealed class Nomination
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int CategoryId { get; set; }
    public int LibraryId { get; set; }
    /// <summary>Set when another library nominated this one; the nominee must then confirm.</summary>
    public int? NominatedByLibraryId { get; set; }
    public string? CreatedByUserId { get; set; }
    public NominationStatus Status { get; set; } = NominationStatus.Draft;
    public DateTimeOffset? NomineeConfirmedAt { get; set; }

    /// <summary>Shown publicly (nominee list, announcement); plain text.</summary>
    public string? PublicSummary { get; set; }
    /// <summary>Markdown; rendered with Markdig and sanitised before display.</summary>
    public string? Achievements { get; set; }
    /// <summary>Markdown; rendered with Markdig and sanitised before display.</summary>
    public string? Projects { get; set; }

    public EligibilityDecision Eligibility { get; set; } = EligibilityDecision.NotReviewed;
    public string? EligibilityReason { get; set; }
    public string? EligibilityDecidedByUserId { get; set; }
    public DateTimeOffset? EligibilityDecidedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>Set when nominations close: nothing of a frozen nomination changes.</summary>
    public DateTimeOffset? FrozenAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<NominationStatistic> Statistics { get; set; } = [];
    public List<NominationPartner> Partners { get; set; } = [];
    public List<NominationLink> Links { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public List<Endorsement> Endorsements { get; set; } = [];

    public bool IsFrozen => FrozenAt is not null;

    /// <summary>
    /// Whether the nominating library may read the nomination: while it waits for the nominee, and after the nominee
    /// confirmed it; never after a decline (a decline made before the nominator was cleared on decline included).
    /// </summary>
    public bool NominatorMayRead =>
        NominatedByLibraryId is not null && (Status == NominationStatus.AwaitingNomineeConfirmation || NomineeConfirmedAt is not null);
}

public enum NominationStatus
{
    Draft,
    /// <summary>Nominated by another library; waits for the nominee's confirmation.</summary>
    AwaitingNomineeConfirmation,
    Submitted,
    Withdrawn,
}

public enum EligibilityDecision
{
    NotReviewed,
    Eligible,
    Ineligible,
}
