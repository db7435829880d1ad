using AwardVote.Application.Ties;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;

namespace AwardVote.Web.Api;

/// <summary>
/// The chair's casting vote and the administrator's repeat ballot in the JSON API: the same use cases
/// (<see cref="CastCastingVote"/>, <see cref="OpenRepeatBallot"/>), and so the same rules, as the pages. The result
/// ids of ties waiting for the chair are listed at <c>GET /api/jury/{cycleId}/{categoryId}/ties</c>.
/// </summary>
public static class ResultEndpoints
{
    public static void MapResultApi(this IEndpointRouteBuilder endpoints)
    {
        var results = endpoints.MapGroup("/api/results").WithTags("Results").RequireAuthorization(Policies.Chair);
        results.MapPost("/{id:int}/casting-vote", Cast)
            .WithSummary("The chair's casting vote on a first-place tie the statute leaves to them, with the reason for the protocol")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new CastCastingVoteInput { Chosen = "Valmieras bibliotēka", Reason = "Plašāka sadarbība ar kopienu." }, null,
                StatusCodes.Status204NoContent);
        endpoints.MapPost("/api/admin/cycles/{id:int}/repeat-ballot", OpenRepeatBallot).WithTags("Results").RequireAuthorization(Policies.Administrator)
            .WithSummary("Open a repeat ballot among the tied of every category the last round left undecided")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new RepeatBallotRequest(new DateTimeOffset(2027, 4, 20, 18, 0, 0, TimeSpan.FromHours(3))), null, StatusCodes.Status204NoContent);
    }

    public sealed record RepeatBallotRequest(DateTimeOffset? ClosesAt);

    private static async Task<IResult> OpenRepeatBallot(int id, RepeatBallotRequest request, HttpContext http, OpenRepeatBallot open,
        CancellationToken cancellationToken) =>
        (await open.RunAsync(id, request.ClosesAt, cancellationToken)).Answer(http, TypedResults.NoContent);

    private static async Task<IResult> Cast(int id, CastCastingVoteInput input, HttpContext http, AppDbContext db, CastCastingVote cast,
        CancellationToken cancellationToken)
    {
        if (await TieView.PanelOfAsync(db, id, cancellationToken) is not { } panel)
            return TypedResults.NotFound();
        if (await http.ForbidUnlessAsync(panel, PanelOperations.BreakTie) is { } denied)
            return denied;
        return (await cast.RunAsync(id, http.User.UserId(), input, cancellationToken)).Answer(http, _ => TypedResults.NoContent());
    }
}
