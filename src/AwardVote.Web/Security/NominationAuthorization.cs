using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Security;

/// <summary>
/// What a person may do with one nomination. When (deadlines, freezing) is the use cases' rule
/// (<c>AwardVote.Application.Nominations.NominationLock</c>), not this.
/// </summary>
public static class NominationOperations
{
    /// <summary>Read the whole nomination with its files and letters.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>Write, submit, withdraw, upload, ask for letters: a representative of the nominee, if approved or awaiting approval.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>
/// Who sees and changes a nomination: the nominee library's representatives (changes only while the library is
/// approved), the nominating library's representatives (read only, and never after the nominee declined), administrators (read only), and the jurors of
/// its cycle and category once judging has begun, unless a confirmed conflict of interest bars them.
/// </summary>
public sealed class NominationAuthorizationHandler(AppDbContext db)
    : AuthorizationHandler<OperationAuthorizationRequirement, Nomination>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Nomination nomination)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return;
        var userId = context.User.UserId();
        var grants = await db.RoleGrants.Where(g => g.UserId == userId).ToListAsync();

        var representsNominee = grants.Any(g => g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == nomination.LibraryId);
        if (requirement == NominationOperations.Edit)
        {
            // A library awaiting approval writes its draft; its use cases keep submitting for approved libraries.
            if (representsNominee && await db.Libraries.AnyAsync(l => l.Id == nomination.LibraryId
                    && (l.Status == LibraryStatus.Approved || l.Status == LibraryStatus.PendingApproval)))
                context.Succeed(requirement);
            return;
        }

        if (representsNominee
            || grants.Any(g => g.Role == ScopedRole.Administrator)
            || (nomination is { NominatorMayRead: true, NominatedByLibraryId: { } by } && grants.Any(g => g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == by))
            || await IsUnconflictedJurorDuringJudgingAsync(grants, userId, nomination))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<bool> IsUnconflictedJurorDuringJudgingAsync(List<RoleGrant> grants, string userId, Nomination nomination)
    {
        // Jurors read what goes to the jury: a withdrawn, ineligible or unsubmitted nomination is not theirs to read.
        if (!JudgingRules.IsJudged(nomination))
            return false;
        if (!grants.Any(g => g.Role is ScopedRole.Juror or ScopedRole.Chair && g.CycleId == nomination.CycleId && g.CategoryId == nomination.CategoryId))
            return false;
        var phase = await db.Cycles.Where(c => c.Id == nomination.CycleId).Select(c => c.Phase).SingleAsync();
        if (phase < CyclePhase.Judging)
            return false;
        return !await db.Conflicts.AnyAsync(c =>
            c.JurorUserId == userId && c.NominationId == nomination.Id && c.Status == ConflictStatus.Confirmed);
    }
}
