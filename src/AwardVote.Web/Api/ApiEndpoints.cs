using System.Security.Claims;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Api;

/// <summary>The JSON API under /api. Scripts sign in at /api/auth/login and send the bearer token.</summary>
public static class ApiEndpoints
{
    public static void MapAwardVoteApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/me", GetMe).WithTags("Accounts");
        api.MapGet("/cycles", GetCycles).WithTags("Cycles").AllowAnonymous();
    }

    public sealed record Me(string Id, string Email, string DisplayName, string Culture, IReadOnlyList<RoleDto> Roles);
    public sealed record RoleDto(string Role, int? LibraryId, int? CycleId, int? CategoryId);
    public sealed record CycleDto(int Id, string Slug, string Title, string? TitleEn, int Year, CyclePhase Phase, int RoundNumber);

    private static async Task<Results<Ok<Me>, UnauthorizedHttpResult>> GetMe(ClaimsPrincipal principal,
        UserManager<AppUser> users, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return TypedResults.Unauthorized();
        var roles = await db.RoleGrants
            .Where(g => g.UserId == user.Id)
            .OrderBy(g => g.Role).ThenBy(g => g.ScopeKey)
            .Select(g => new { g.Role, g.LibraryId, g.CycleId, g.CategoryId })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Me(user.Id, user.Email!, user.DisplayName, user.PreferredCulture,
            roles.Select(r => new RoleDto(AppClaimsPrincipalFactory.RoleName(r.Role), r.LibraryId, r.CycleId, r.CategoryId)).ToList()));
    }

    private static async Task<Ok<List<CycleDto>>> GetCycles(AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Cycles
            .Where(c => c.Phase != CyclePhase.Draft)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new CycleDto(c.Id, c.Slug, c.Title, c.TitleEn, c.Year, c.Phase, c.RoundNumber))
            .ToListAsync(cancellationToken));
}
