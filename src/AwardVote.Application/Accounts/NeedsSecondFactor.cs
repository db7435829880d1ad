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
/// Whether an account holds a role whose sign-in needs a second factor (administrator, chair): the one definition
/// the authorization policy and the account page read.
/// </summary>
public sealed class NeedsSecondFactor(AppDbContext db, IOptions<SecondFactorOptions> options) : IUseCase
{
    public bool Required => options.Value.RequireSecondFactor;

    public async Task<bool> RunAsync(string userId, CancellationToken cancellationToken = default) =>
        Required && await db.RoleGrants.AnyAsync(g => g.UserId == userId && (g.Role == ScopedRole.Administrator || g.Role == ScopedRole.Chair), cancellationToken);
}
