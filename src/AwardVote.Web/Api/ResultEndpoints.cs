using System.Security.Claims;
using AwardVote.Web.Security;
using AwardVote.Web.Ties;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>The chair's casting vote and the administrator's repeat ballot in the JSON API: the same desks, and so the same rules, as the pages.</summary>
public static class ResultEndpoints
{
    public static void MapResultApi(this IEndpointRouteBuilder endpoints)
    {
        var results = endpoints.MapGroup("/api/results").WithTags("Results").RequireAuthorization(Policies.SignedIn);
        results.MapPost("/{id:int}/casting-vote", Cast);
        endpoints.MapPost("/api/admin/cycles/{id:int}/repeat-ballot", OpenRepeatBallot).WithTags("Results").RequireAuthorization(Policies.Administrator);
    }

    public sealed record RepeatBallotRequest(DateTimeOffset? ClosesAt);

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> OpenRepeatBallot(int id, RepeatBallotRequest request,
        RepeatBallotDesk desk, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (request.ClosesAt is not { } closesAt)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["closesAt"] = [l["Give a time that exists in the cycle's time zone."]] });
        var outcome = await desk.OpenAsync(id, closesAt, cancellationToken);
        return outcome switch
        {
            RepeatBallotDesk.Outcome.Opened => TypedResults.NoContent(),
            RepeatBallotDesk.Outcome.NotFound => TypedResults.NotFound(),
            RepeatBallotDesk.Outcome.ClosesTooSoon or RepeatBallotDesk.Outcome.ClosesTooLate =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["closesAt"] = [RepeatBallotDesk.Describe(outcome, l)] }),
            _ => TypedResults.Problem(RepeatBallotDesk.Describe(outcome, l), statusCode: StatusCodes.Status409Conflict),
        };
    }

    public sealed record CastingVoteRequest(string? Chosen, string? Reason);

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Cast(int id,
        CastingVoteRequest request, ClaimsPrincipal user, CastingVoteDesk desk, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (request.Reason is { Length: > CastingVoteDesk.ReasonMaxLength })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [l["The reason can be at most {1} characters long.", "", CastingVoteDesk.ReasonMaxLength]] });
        var outcome = await desk.CastAsync(id, user.UserId(), request.Chosen, request.Reason, cancellationToken);
        return outcome switch
        {
            CastingVoteDesk.Outcome.Cast => TypedResults.NoContent(),
            CastingVoteDesk.Outcome.NotFound => TypedResults.NotFound(),
            CastingVoteDesk.Outcome.Forbidden => TypedResults.Forbid(),
            CastingVoteDesk.Outcome.NotTied => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["chosen"] = [CastingVoteDesk.Describe(outcome, l)] }),
            CastingVoteDesk.Outcome.ReasonRequired => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [CastingVoteDesk.Describe(outcome, l)] }),
            _ => TypedResults.Problem(CastingVoteDesk.Describe(outcome, l), statusCode: StatusCodes.Status409Conflict),
        };
    }
}
