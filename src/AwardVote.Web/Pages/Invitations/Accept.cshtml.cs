using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Security;
using AwardVote.Web.Judging;
using AwardVote.Web.Localization;
using AwardVote.Web.Pages.Libraries;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Invitations;

/// <summary>
/// The signed-in person accepts (or declines) an invitation: to represent a library, or to sit on a cycle's jury
/// panel as a juror or its chair. Any account may accept (people often have a personal and a work address); the
/// page says which address was invited. The link works once.
/// </summary>
[Authorize]
public sealed class AcceptModel(
    AppDbContext db,
    AuditLog audit,
    TimeProvider clock,
    SignInManager<AppUser> signIn,
    ConflictProposals conflicts,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Error { get; private set; }
    public string InvitedEmail { get; private set; } = "";
    public string LibraryName { get; private set; } = "";
    public ScopedRole Role { get; private set; }
    public string CycleTitle { get; private set; } = "";
    public string CategoryName { get; private set; } = "";
    public bool IsJury => Role is ScopedRole.Juror or ScopedRole.Chair;
    public string? SignedInEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } invitation)
            return Page();

        var userId = User.UserId();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional update: of two simultaneous clicks on the same link, only one finds it unused.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.DeclinedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.AcceptedAt, now)
                .SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            Error = l["This invitation has already been used."];
            return Page();
        }
        if (invitation.Role is ScopedRole.Juror or ScopedRole.Chair)
            return await JoinJuryAsync(invitation, userId, now, transaction, cancellationToken);

        var libraryId = invitation.LibraryId!.Value;
        var alreadyRepresents = await db.RoleGrants.AnyAsync(g =>
            g.UserId == userId && g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == libraryId, cancellationToken);
        if (!alreadyRepresents)
            db.RoleGrants.Add(RoleGrant.Representative(userId, libraryId, now, invitation.InvitedByUserId));
        audit.Record("library.representative-joined", nameof(Library), libraryId,
            after: new { UserId = userId, InvitationId = invitation.Id, invitation.Email, AlreadyRepresented = alreadyRepresents });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        return RedirectToPage("/Libraries/Index", new { joined = libraryId });
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(cancellationToken) is not { } invitation)
            return Page();
        var now = clock.GetUtcNow();
        var declined = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.DeclinedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.DeclinedAt, now), cancellationToken);
        if (declined == 0)
        {
            Error = l["This invitation has already been used."];
            return Page();
        }
        audit.Record("invitation.declined", nameof(Invitation), invitation.Id, after: new { invitation.Email, invitation.Role }, cycleId: invitation.CycleId);
        await db.SaveChangesAsync(cancellationToken);
        Declined = true;
        return Page();
    }

    public bool Declined { get; private set; }

    /// <summary>
    /// A juror gets the juror grant; a chair both grants, and takes the chair from whoever held it (a panel has one).
    /// Then the system proposes the new juror's conflicts, so the chair sees them before any ballot is cast.
    /// </summary>
    private async Task<IActionResult> JoinJuryAsync(Invitation invitation, string userId, DateTimeOffset now,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var cycleId = invitation.CycleId!.Value;
        var categoryId = invitation.CategoryId!.Value;
        var grants = await db.RoleGrants
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .ToListAsync(cancellationToken);
        if (!grants.Any(g => g.UserId == userId && g.Role == ScopedRole.Juror))
            db.RoleGrants.Add(RoleGrant.Juror(userId, cycleId, categoryId, now, invitation.InvitedByUserId));
        var formerChairs = new List<string>();
        if (invitation.Role == ScopedRole.Chair)
        {
            var others = grants.Where(g => g.Role == ScopedRole.Chair && g.UserId != userId).ToList();
            formerChairs.AddRange(others.Select(g => g.UserId));
            db.RoleGrants.RemoveRange(others);
            if (!grants.Any(g => g.UserId == userId && g.Role == ScopedRole.Chair))
                db.RoleGrants.Add(RoleGrant.Chair(userId, cycleId, categoryId, now, invitation.InvitedByUserId));
        }
        audit.Record("jury.juror-joined", "Category", categoryId,
            before: formerChairs.Count > 0 ? new { Chairs = formerChairs } : null,
            after: new { UserId = userId, InvitationId = invitation.Id, invitation.Email, invitation.Role }, cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await conflicts.ProposeAsync(cycleId, categoryId, cancellationToken);
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        if (invitation.Role == ScopedRole.Chair)
            return RedirectToPage("/Jury/Progress", new { cycleId, categoryId });
        return RedirectToPage("/Index");
    }

    /// <summary>The invitation of the link, or null with <see cref="Error"/> saying why it cannot be used.</summary>
    private async Task<Invitation?> FindAsync(CancellationToken cancellationToken)
    {
        SignedInEmail = User.Identity?.Name;
        var hash = string.IsNullOrWhiteSpace(Token) || Token.Length > 200 ? null : OneTimeToken.Hash(Token);
        var invitation = hash is null
            ? null
            : await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i =>
                i.TokenHash == hash
                && ((i.Role == ScopedRole.LibraryRepresentative && i.LibraryId != null)
                    || ((i.Role == ScopedRole.Juror || i.Role == ScopedRole.Chair) && i.CycleId != null && i.CategoryId != null)), cancellationToken);
        if (invitation is null)
        {
            Error = l["This invitation link is not valid. Check that you opened the whole link from the e-mail."];
            return null;
        }
        InvitedEmail = invitation.Email;
        Role = invitation.Role;
        if (IsJury)
        {
            var panel = await db.Categories.Where(c => c.Id == invitation.CategoryId)
                .Join(db.Cycles, c => c.CycleId, y => y.Id, (c, y) => new { c.Name, c.NameEn, y.Title, y.TitleEn })
                .SingleAsync(cancellationToken);
            CycleTitle = DisplayNames.Pick(panel.Title, panel.TitleEn);
            CategoryName = DisplayNames.Pick(panel.Name, panel.NameEn);
        }
        else
        {
            LibraryName = await db.Libraries.Where(x => x.Id == invitation.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        }
        if (invitation.AcceptedAt is not null || invitation.DeclinedAt is not null)
        {
            Error = l["This invitation has already been used."];
            return null;
        }
        if (invitation.ExpiresAt <= clock.GetUtcNow())
        {
            Error = IsJury
                ? l["This invitation has expired. Ask the association to send a new one."]
                : l["This invitation has expired. Ask the library's representative to send a new one."];
            return null;
        }
        return invitation;
    }
}
