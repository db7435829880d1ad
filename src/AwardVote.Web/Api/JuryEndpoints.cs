using System.Security.Claims;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Judging;
using AwardVote.Web.Judging;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// The chair's side of a jury panel in the JSON API, for the panel's chair and administrators: progress (counts
/// only until the round closes, the same rule as the board) and decisions on proposed conflicts.
/// </summary>
public static class JuryEndpoints
{
    public static void MapJuryApi(this IEndpointRouteBuilder endpoints)
    {
        var jury = endpoints.MapGroup("/api/jury/{cycleId:int}/{categoryId:int}").WithTags("Jury").RequireAuthorization(Policies.SignedIn);
        jury.MapGet("/progress", GetProgress);
        jury.MapPost("/conflicts/{id:int}/decision", Decide);
    }

    /// <param name="Mean">Null until the round is closed.</param>
    public sealed record JurorProgressDto(string UserId, string Name, bool IsChair, int Complete, int Assigned, decimal? Mean, decimal? StandardDeviation);
    public sealed record NominationProgressDto(int NominationId, string LibraryName, int Complete, int Assigned, bool FullyJudged);
    public sealed record ProgressDto(int CycleId, int CategoryId, int Round, bool RoundIsClosed, DateTimeOffset? ClosesAt,
        IReadOnlyList<JurorProgressDto> Jurors, IReadOnlyList<NominationProgressDto> Nominations);
    public sealed record DecisionRequest(bool Confirm, string? Reason);

    private static async Task<Results<Ok<ProgressDto>, NotFound, ForbidHttpResult>> GetProgress(int cycleId, int categoryId, ClaimsPrincipal user,
        JuryMembership jury, PanelProgress progress, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await jury.CanManageAsync(user, cycleId, categoryId))
            return TypedResults.Forbid();
        if (await progress.LoadAsync(cycleId, categoryId, clock.GetUtcNow(), cancellationToken) is not { } report)
            return TypedResults.NotFound();
        // PanelProgress leaves means empty before close; checked again here because this is where they leave the server.
        var closed = report.RoundIsClosed;
        return TypedResults.Ok(new ProgressDto(cycleId, categoryId, report.RoundNumber, closed, report.ClosesAt,
            report.Jurors.Select(j => new JurorProgressDto(j.UserId, j.Name, j.IsChair, j.Complete, j.Assigned,
                closed ? j.Mean : null, closed ? j.StandardDeviation : null)).ToList(),
            report.Nominations.Select(n => new NominationProgressDto(n.NominationId, n.LibraryName, n.Complete, n.Assigned, n.FullyScored)).ToList()));
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Decide(int cycleId, int categoryId,
        int id, DecisionRequest request, ClaimsPrincipal user, JuryMembership jury, ConflictProposals proposals, AppDbContext db,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (!await jury.CanManageAsync(user, cycleId, categoryId))
            return TypedResults.Forbid();
        var conflict = await db.Conflicts
            .Join(db.Nominations, c => c.NominationId, n => n.Id, (c, n) => new { c, n.CategoryId })
            .Where(x => x.c.Id == id && x.c.CycleId == cycleId && x.CategoryId == categoryId)
            .Select(x => x.c)
            .SingleOrDefaultAsync(cancellationToken);
        if (conflict is null)
            return TypedResults.NotFound();
        if (request.Reason is { Length: > 2000 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [l["The reason can be at most {1} characters long.", "", 2000]] });
        return await proposals.DecideAsync(conflict, request.Confirm, request.Reason, user.UserId(), cancellationToken) switch
        {
            ConflictProposals.DecisionOutcome.Decided => TypedResults.NoContent(),
            ConflictProposals.DecisionOutcome.ReasonRequired => TypedResults.ValidationProblem(new Dictionary<string, string[]>
                { ["reason"] = [l["Give the reason for dismissing the proposal."]] }),
            _ => TypedResults.Problem(l["This conflict has already been decided."], statusCode: StatusCodes.Status409Conflict),
        };
    }
}
