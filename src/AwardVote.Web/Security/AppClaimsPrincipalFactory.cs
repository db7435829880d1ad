using System.Security.Claims;
using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AwardVote.Web.Security;

/// <summary>
/// Puts the account's role grants into its sign-in: a role claim per role (scoped checks such as "juror of this
/// category" are resource-based handlers that read the grants themselves), the display name and the language.
/// </summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string DisplayNameClaim = "awardvote:name";
    public const string CultureClaim = "awardvote:culture";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roles = await db.RoleGrants.Where(g => g.UserId == user.Id).Select(g => g.Role).Distinct().ToListAsync();
        foreach (var role in roles)
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, RoleName(role)));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(CultureClaim, user.PreferredCulture));
        return identity;
    }

    public static string RoleName(ScopedRole role) => role switch
    {
        ScopedRole.Administrator => Roles.Administrator,
        ScopedRole.LibraryRepresentative => Roles.LibraryRepresentative,
        ScopedRole.Juror => Roles.Juror,
        ScopedRole.Chair => Roles.Chair,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
