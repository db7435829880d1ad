using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Security;
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
/// The signed-in person accepts an invitation to represent a library. Any account may accept (people often have
/// a personal and a work address); the page says which address was invited. The link works once.
/// </summary>
[Authorize]
public sealed class AcceptModel(
    AppDbContext db,
    AuditLog audit,
    TimeProvider clock,
    SignInManager<AppUser> signIn,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Error { get; private set; }
    public string InvitedEmail { get; private set; } = "";
    public string LibraryName { get; private set; } = "";
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

    /// <summary>The invitation of the link, or null with <see cref="Error"/> saying why it cannot be used.</summary>
    private async Task<Invitation?> FindAsync(CancellationToken cancellationToken)
    {
        SignedInEmail = User.Identity?.Name;
        var hash = string.IsNullOrWhiteSpace(Token) || Token.Length > 200 ? null : OneTimeToken.Hash(Token);
        var invitation = hash is null
            ? null
            : await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i =>
                i.TokenHash == hash && i.Role == ScopedRole.LibraryRepresentative && i.LibraryId != null, cancellationToken);
        if (invitation is null)
        {
            Error = l["This invitation link is not valid. Check that you opened the whole link from the e-mail."];
            return null;
        }
        InvitedEmail = invitation.Email;
        LibraryName = await db.Libraries.Where(x => x.Id == invitation.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        if (invitation.AcceptedAt is not null || invitation.DeclinedAt is not null)
        {
            Error = l["This invitation has already been used."];
            return null;
        }
        if (invitation.ExpiresAt <= clock.GetUtcNow())
        {
            Error = l["This invitation has expired. Ask the library's representative to send a new one."];
            return null;
        }
        return invitation;
    }
}
