using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Security;

/// <summary>What a person may do with one library.</summary>
public static class LibraryOperations
{
    /// <summary>See the library's own data (its nominations, drafts, decisions): any representative of it.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>
    /// Act for the library (write nominations): a representative of an approved library, or of one awaiting approval
    /// (its own draft only; the nomination use cases keep submitting and nominating others for approved libraries).
    /// </summary>
    public static readonly OperationAuthorizationRequirement ActFor = new() { Name = nameof(ActFor) };

    /// <summary>
    /// Invite a colleague to represent the library: whoever may act for it, and administrators for any library (to
    /// replace a representative who left).
    /// </summary>
    public static readonly OperationAuthorizationRequirement Invite = new() { Name = nameof(Invite) };
}

/// <summary>
/// Checks a person's representative grants for a library against the database on every request, so that a
/// refused library or a withdrawn grant takes effect at once, not at the next sign-in.
/// </summary>
public sealed class LibraryAuthorizationHandler(AppDbContext db)
    : AuthorizationHandler<OperationAuthorizationRequirement, Library>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Library library)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return;
        if (requirement == LibraryOperations.Invite && context.User.IsAdministrator())
        {
            context.Succeed(requirement);
            return;
        }
        var userId = context.User.UserId();
        var represents = await db.RoleGrants.AnyAsync(g =>
            g.UserId == userId && g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == library.Id);
        if (!represents)
            return;
        if (requirement == LibraryOperations.View
            || requirement == LibraryOperations.ActFor && library.Status is LibraryStatus.Approved or LibraryStatus.PendingApproval
            || requirement == LibraryOperations.Invite && library.Status == LibraryStatus.Approved)
        {
            context.Succeed(requirement);
        }
    }
}
