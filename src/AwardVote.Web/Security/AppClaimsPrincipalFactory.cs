using System.Security.Claims;
using AwardVote.Application.Accounts;
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
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db,
    NeedsSecondFactor needsSecondFactor)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string DisplayNameClaim = "awardvote:name";
    public const string CultureClaim = "awardvote:culture";

    /// <summary>The account holds a role that needs a second factor and has none yet (the layout says so).</summary>
    public const string NeedsSecondFactorClaim = "awardvote:needs-second-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roles = await db.RoleGrants.Where(g => g.UserId == user.Id).Select(g => g.Role).Distinct().ToListAsync();
        // Without its second factor an administrator signs in as no administrator at all, so no check anywhere that
        // asks "is this an administrator?" lets the password alone through (the policies say why: SecondFactorRequirement).
        if (await needsSecondFactor.RunAsync(user.Id))
        {
            roles.Remove(ScopedRole.Administrator);
            identity.AddClaim(new Claim(NeedsSecondFactorClaim, "true"));
        }
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
