using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Tests;

/// <summary>
/// A juror's score ballot on one nomination, stored as if cast now (no rules are checked: for the ballot box's own
/// rules, cast through it). Empty unless scores are given; complete when every criterion has one.
/// </summary>
public sealed class ScoreBallotBuilder(int roundId, int nominationId, string jurorUserId)
{
    private readonly List<ScoreEntry> _scores = [];
    private string? _comment;
    private string? _privateNotes;
    private DateTimeOffset _updatedAt = DateTimeOffset.UtcNow;

    /// <summary>One score per criterion, in the criteria's order (null: "no entry").</summary>
    public ScoreBallotBuilder Scores(IReadOnlyList<int> criterionIds, params int?[] scores)
    {
        _scores.AddRange(scores.Select((score, i) => new ScoreEntry { CriterionId = criterionIds[i], Score = score }));
        return this;
    }

    public ScoreBallotBuilder Scores(IReadOnlyList<int> criterionIds, IEnumerable<int> scores) =>
        Scores(criterionIds, [.. scores.Select(score => (int?)score)]);

    /// <summary>The comment to the nominee and the juror's own notes.</summary>
    public ScoreBallotBuilder Comment(string? comment, string? privateNotes = null)
    {
        (_comment, _privateNotes) = (comment, privateNotes);
        return this;
    }

    public ScoreBallotBuilder UpdatedAt(DateTimeOffset at)
    {
        _updatedAt = at;
        return this;
    }

    public ScoreBallot Build() => new()
    {
        RoundId = roundId, NominationId = nominationId, JurorUserId = jurorUserId, Comment = _comment, PrivateNotes = _privateNotes,
        UpdatedAt = _updatedAt, Scores = _scores.Select(s => new ScoreEntry { CriterionId = s.CriterionId, Score = s.Score }).ToList(),
    };

    public async Task<ScoreBallot> SaveAsync(AppDbContext db)
    {
        var ballot = Build();
        db.ScoreBallots.Add(ballot);
        await db.SaveChangesAsync();
        return ballot;
    }

    public Task<ScoreBallot> CreateAsync(AwardVoteApp app) => app.QueryAsync(SaveAsync);
}

/// <summary>A juror's ranking of a category's shortlist in a ranked round, stored as if cast now.</summary>
public sealed class RankedBallotBuilder(int roundId, int categoryId, string jurorUserId)
{
    private readonly List<RankedEntry> _ranks = [];

    /// <summary>The nominations from first to last, each a place of its own.</summary>
    public RankedBallotBuilder Ranking(params int[] nominationIds)
    {
        _ranks.AddRange(nominationIds.Select((id, i) => new RankedEntry { NominationId = id, Rank = i + 1 }));
        return this;
    }

    /// <summary>One nomination's place (equal places where the statute allows them).</summary>
    public RankedBallotBuilder Rank(int nominationId, int rank)
    {
        _ranks.Add(new RankedEntry { NominationId = nominationId, Rank = rank });
        return this;
    }

    public RankedBallot Build() => new()
    {
        RoundId = roundId, CategoryId = categoryId, JurorUserId = jurorUserId, UpdatedAt = DateTimeOffset.UtcNow,
        Ranks = _ranks.Select(r => new RankedEntry { NominationId = r.NominationId, Rank = r.Rank }).ToList(),
    };

    public async Task<RankedBallot> SaveAsync(AppDbContext db)
    {
        var ballot = Build();
        db.RankedBallots.Add(ballot);
        await db.SaveChangesAsync();
        return ballot;
    }

    public Task<RankedBallot> CreateAsync(AwardVoteApp app) => app.QueryAsync(SaveAsync);
}
