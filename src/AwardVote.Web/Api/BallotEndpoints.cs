using System.Security.Claims;
using AwardVote.Application.Ballots;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Api;

/// <summary>
/// A juror's own ballots in the JSON API, cast through <see cref="CastScoreBallot"/> and <see cref="CastRanking"/> like
/// the pages, and an administrator's paper ballots through <see cref="EnterPaperScoreBallot"/>. Only the caller's ballots are ever returned
/// here: nobody reads another juror's ballot through the API.
/// </summary>
public static class BallotEndpoints
{
    public static void MapBallotApi(this IEndpointRouteBuilder endpoints)
    {
        var ballots = endpoints.MapGroup("/api/ballots").WithTags("Ballots").RequireAuthorization(Policies.Juror);
        ballots.MapGet("/mine", GetMine)
            .WithSummary("Your own score ballots in a cycle (?cycleId=), with the versions a change sends back")
            .Produces<List<MyScoreBallot>>();
        ballots.MapPut("/score", CastScore)
            .WithSummary("Cast or change your score ballot on a nomination of the open round")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new CastScoreBallotInput
            {
                NominationId = 40, Scores = new() { [7] = 4, [8] = 5 }, Comment = "Izcils darbs ar kopienu.", PrivateNotes = "Pārjautāt par budžetu.",
            }, null, StatusCodes.Status204NoContent);
        ballots.MapPut("/ranked", CastRanked)
            .WithSummary("Cast or change your ranking of the panel's shortlist in a ranked round")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new CastRankingInput { CycleId = 4, CategoryId = 9, Ranks = new() { [40] = 1, [41] = 2 } }, null, StatusCodes.Status204NoContent);

        endpoints.MapPut("/api/admin/paper-ballots/score", CastPaperScore).WithTags("Ballots").RequireAuthorization(Policies.Administrator)
            .WithSummary("Enter a juror's paper score ballot on their behalf (marked as a paper ballot with who entered it; refused over the juror's electronic ballot)")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new EnterPaperScoreBallotInput { JurorId = "b3c1a2d4-0000-4000-8000-000000000002", NominationId = 40, Scores = new() { [7] = 4, [8] = 3 } },
                null, StatusCodes.Status204NoContent);
    }

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

    private static async Task<IResult> CastScore(CastScoreBallotInput input, HttpContext http, CastScoreBallot cast, CancellationToken cancellationToken) =>
        (await cast.RunAsync(http.User.UserId(), input, enteredBy: null, cancellationToken)).Answer(http, TypedResults.NoContent);

    private static async Task<IResult> CastRanked(CastRankingInput input, HttpContext http, CastRanking cast, CancellationToken cancellationToken) =>
        (await cast.RunAsync(http.User.UserId(), input, enteredBy: null, cancellationToken)).Answer(http, TypedResults.NoContent);

    private static async Task<IResult> CastPaperScore(EnterPaperScoreBallotInput input, HttpContext http, EnterPaperScoreBallot enter,
        CancellationToken cancellationToken) =>
        (await enter.RunAsync(input, http.User.UserId(), cancellationToken)).Answer(http, TypedResults.NoContent);
}
