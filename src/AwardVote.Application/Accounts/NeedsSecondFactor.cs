using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Accounts;

/// <summary>The "Security" settings of the second factor.</summary>
public sealed class SecondFactorOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Administrators and chairs must sign in with a second factor or a passkey before they reach their pages. On
    /// unless switched off (the Development settings do, so the demo accounts sign in with the README's password).
    /// </summary>
    public bool RequireSecondFactor { get; set; } = true;
}

/// <summary>
/// Whether an account holds a role whose sign-in needs a second factor: an administrator or a chair (unless
/// Security:RequireSecondFactor is off), or a juror of a cycle whose statute asks it of its jurors (always: it is the
/// statute's rule). The one definition the authorization policies and the account page read.
/// </summary>
public sealed class NeedsSecondFactor(AppDbContext db, IOptions<SecondFactorOptions> options) : IUseCase
{
    public bool Required => options.Value.RequireSecondFactor;

    public async Task<bool> RunAsync(string userId, CancellationToken cancellationToken = default) =>
        (Required && await db.RoleGrants.AnyAsync(g => g.UserId == userId && (g.Role == ScopedRole.Administrator || g.Role == ScopedRole.Chair), cancellationToken))
        || await db.RoleGrants.AnyAsync(g => g.UserId == userId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair)
            && db.Cycles.Any(c => c.Id == g.CycleId && c.JurorsNeedSecondFactor), cancellationToken);
}
