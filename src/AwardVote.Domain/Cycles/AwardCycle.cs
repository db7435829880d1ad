namespace AwardVote.Domain.Cycles;

/// <summary>One year of one award: its statute (categories, criteria, rounds, rules) and where it stands.</summary>
public sealed class AwardCycle
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public int Year { get; set; }
    /// <summary>Part of the public address, e.g. "gada-biblioteka-2026".</summary>
    public required string Slug { get; set; }
    public CyclePhase Phase { get; set; } = CyclePhase.Draft;
    /// <summary>The judging round the cycle is in or last finished; 0 before judging.</summary>
    public int RoundNumber { get; set; }
    public string TimeZone { get; set; } = "Europe/Riga";
    public int? CopiedFromCycleId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when nominations open; the statute cannot change after it.</summary>
    public DateTimeOffset? StatuteLockedAt { get; set; }

    public string? Description { get; set; }
    public string? DescriptionEn { get; set; }
    public ScoreSecrecy Secrecy { get; set; } = ScoreSecrecy.HiddenUntilRoundCloses;
    /// <summary>Whether the public page lists the nominees once nominations close.</summary>
    public bool NomineesPublicAfterNominationsClose { get; set; }
    /// <summary>
    /// Which counts anyone may download, with their ballot file and hash, once the laureate is published: a ranked
    /// count by default (anonymous rankings), a score count only by choice (on a small jury a juror's scores may be
    /// recognised even without a name).
    /// </summary>
    public PublicCountFiles PublicCountFiles { get; set; } = PublicCountFiles.RankedRounds;
    /// <summary>Whether nominees read the jury's comments after publication.</summary>
    public bool FeedbackToNominees { get; set; } = true;
    /// <summary>Eligibility rule: not a laureate in the last N years (null: no such rule).</summary>
    public int? LaureateCooldownYears { get; set; }
    /// <summary>Conflict proposals also match jurors from the nominee's region.</summary>
    public bool RegionIsConflict { get; set; }
    /// <summary>
    /// The jurors of this cycle sign in with a second factor (an authenticator app or a passkey) before they reach the
    /// jury's pages and endpoints, as administrators and chairs do (issue 15).
    /// </summary>
    public bool JurorsNeedSecondFactor { get; set; }
    public WinRule WinRule { get; set; } = new();
    public PeoplesChoiceSettings PeoplesChoice { get; set; } = new();
    /// <summary>Days before a round closes on which late jurors get one digest reminder, e.g. "7,1".</summary>
    public string ReminderDaysBeforeClose { get; set; } = "7,1";
    /// <summary>Changed on every update: two administrators cannot overwrite each other silently.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Category> Categories { get; set; } = [];
    public List<Criterion> Criteria { get; set; } = [];
    public List<Round> Rounds { get; set; } = [];
    public List<TieBreakStep> TieBreakChain { get; set; } = [];
    public List<EligibilityRule> EligibilityRules { get; set; } = [];
    public List<PhaseStep> Schedule { get; set; } = [];

    public bool StatuteIsLocked => StatuteLockedAt is not null;
}

public enum CyclePhase
{
    Draft,
    NominationsOpen,
    EligibilityReview,
    Judging,
    Shortlist,
    Counting,
    ResultsReview,
    Published,
    Archived,
}

/// <summary>Which published counts the public may download to check with <c>awardvote verify</c>.</summary>
public enum PublicCountFiles
{
    /// <summary>The default: counts of ranked rounds, whose ballot file holds only anonymous rankings.</summary>
    RankedRounds,
    /// <summary>Ranked and score counts; a score file lists each (numbered) juror's scores.</summary>
    AllRounds,
    /// <summary>No count is public: results only.</summary>
    None,
}

public static class PublicCountFilesRules
{
    /// <summary>Whether the statute lets the public download the count of a round of this kind after publication.</summary>
    public static bool Allows(this PublicCountFiles setting, BallotKind kind) => setting switch
    {
        PublicCountFiles.AllRounds => true,
        PublicCountFiles.RankedRounds => kind == BallotKind.Ranked,
        _ => false,
    };
}

public enum ScoreSecrecy
{
    /// <summary>Jurors never see each other's scores; results only after publication.</summary>
    HiddenUntilRoundCloses,
    /// <summary>After the round closes, a juror who completed their own ballot sees the others' scores.</summary>
    VisibleToJuryAfterClose,
}

/// <summary>An optional rule that forces a repeat ballot when the winner's margin is too thin (ALA Newbery style).</summary>
public sealed class WinRule
{
    public int? MinimumFirstPlaces { get; set; }
    public decimal? MinimumLead { get; set; }
    public bool IsSet => MinimumFirstPlaces is not null || MinimumLead is not null;
}

public sealed class PeoplesChoiceSettings
{
    public bool Enabled { get; set; }
    public VoterEligibility Eligibility { get; set; } = VoterEligibility.AnyConfirmedEmail;
    public VoteAllowance Allowance { get; set; } = VoteAllowance.OnePerCategory;
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public bool LiveCount { get; set; }
}

public enum VoterEligibility
{
    AnyConfirmedEmail,
    MemberListOnly,
}

public enum VoteAllowance
{
    OnePerCycle,
    OnePerCategory,
}
