namespace AwardVote.Domain.Judging;

/// <summary>A juror's scores for one nomination in one scoring round: one per juror, nomination and round.</summary>
public sealed class ScoreBallot
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int NominationId { get; set; }
    public required string JurorUserId { get; set; }
    public bool Abstained { get; set; }
    /// <summary>Shown to the nominee after publication where the statute allows.</summary>
    public string? Comment { get; set; }
    /// <summary>The juror's own notes: nobody else reads them.</summary>
    public string? PrivateNotes { get; set; }
    /// <summary>Entered by an administrator from a paper ballot; marked as such in the protocol.</summary>
    public bool IsPaperBallot { get; set; }
    public string? EnteredByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<ScoreEntry> Scores { get; set; } = [];
}

public sealed class ScoreEntry
{
    public int Id { get; set; }
    public int ScoreBallotId { get; set; }
    public int CriterionId { get; set; }
    /// <summary>Null: "no entry" on an optional criterion.</summary>
    public int? Score { get; set; }
}

/// <summary>A juror's ranking of a category's shortlist in a ranked round: one per juror, category and round.</summary>
public sealed class RankedBallot
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int CategoryId { get; set; }
    public required string JurorUserId { get; set; }
    public bool IsPaperBallot { get; set; }
    public string? EnteredByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<RankedEntry> Ranks { get; set; } = [];
}

public sealed class RankedEntry
{
    public int Id { get; set; }
    public int RankedBallotId { get; set; }
    public int NominationId { get; set; }
    /// <summary>1 is first; equal numbers are ties where the statute allows them.</summary>
    public int Rank { get; set; }
}
