using System.Security.Claims;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// A juror's own ballots in the JSON API, cast through <see cref="BallotBox"/> like the pages. Only the caller's
/// ballots are ever returned here: nobody reads another juror's ballot through the API.
/// </summary>
public static class BallotEndpoints
{
    public static void MapBallotApi(this IEndpointRouteBuilder endpoints)
    {
        var ballots = endpoints.MapGroup("/api/ballots").WithTags("Ballots").RequireAuthorization(Policies.SignedIn);
        ballots.MapGet("/mine", GetMine);
        ballots.MapPut("/score", CastScore);
        ballots.MapPut("/ranked", CastRanked);
    }

    private const int MaxText = 10_000;

    public sealed record ScoreRequest(int NominationId, Dictionary<int, int?> Scores, bool Abstained, string? Comment, string? PrivateNotes, Guid? Version);
    public sealed record RankedRequest(int CycleId, int CategoryId, Dictionary<int, int?> Ranks, Guid? Version);
    public sealed record MyScoreBallot(int RoundId, int NominationId, bool Abstained, string? Comment, string? PrivateNotes, Guid Version, Dictionary<int, int?> Scores);

    private static async Task<Ok<List<MyScoreBallot>>> GetMine(int cycleId, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var roundIds = await db.Rounds.Where(r => r.CycleId == cycleId).Select(r => r.Id).ToListAsync(cancellationToken);
        var mine = await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .Where(b => b.JurorUserId == userId && roundIds.Contains(b.RoundId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(mine.Select(b => new MyScoreBallot(b.RoundId, b.NominationId, b.Abstained, b.Comment, b.PrivateNotes, b.Version,
            b.Scores.ToDictionary(s => s.CriterionId, s => s.Score))).ToList());
    }

    private static async Task<Results<NoContent, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> CastScore(ScoreRequest request,
        ClaimsPrincipal user, BallotBox box, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if ((request.Comment?.Length ?? 0) > MaxText)
            errors["comment"] = [l["The comment can be at most {1} characters long.", "", MaxText]];
        if ((request.PrivateNotes?.Length ?? 0) > MaxText)
            errors["privateNotes"] = [l["The notes can be at most {1} characters long.", "", MaxText]];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var result = await box.CastScoreAsync(user.UserId(),
            new ScoreBallotInput(request.NominationId, request.Scores ?? [], request.Abstained, request.Comment, request.PrivateNotes, request.Version),
            cancellationToken: cancellationToken);
        return Answer(result);
    }

    private static async Task<Results<NoContent, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> CastRanked(RankedRequest request,
        ClaimsPrincipal user, BallotBox box, CancellationToken cancellationToken) =>
        Answer(await box.CastRankedAsync(user.UserId(),
            new RankedBallotInput(request.CycleId, request.CategoryId, request.Ranks ?? [], request.Version), cancellationToken: cancellationToken));

    private static Results<NoContent, ForbidHttpResult, ProblemHttpResult, ValidationProblem> Answer(BallotResult result) =>
        result.Succeeded ? TypedResults.NoContent()
        : result.Forbidden ? TypedResults.Forbid()
        : TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);
}
