using AwardVote.Application.Libraries;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Libraries;

/// <summary>A colleague is invited to represent the library (<see cref="InviteRepresentative"/>, as the API does).</summary>
[Authorize]
public sealed class InviteModel(AppDbContext db, IAuthorizationService authorization, InviteRepresentative invite,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    [BindProperty]
    public InviteRepresentativeInput Input { get; set; } = new();

    public Library Library { get; private set; } = null!;
    public List<InvitationRow> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed record InvitationRow(string Email, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } refusal)
            return refusal;
        await LoadInvitationsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } refusal)
            return refusal;
        if (ModelState.IsValid)
        {
            var outcome = await invite.RunAsync(Id, User.UserId(), Input, cancellationToken);
            if (outcome.Succeeded)
                return RedirectToPage(new { id = Id, sent = true });
            if (this.Refused(outcome) is { } answer)
                return answer;
        }
        await LoadInvitationsAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> AuthorizeAsync(CancellationToken cancellationToken)
    {
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, cancellationToken) is not { } library)
            return NotFound();
        Library = library;
        return (await authorization.AuthorizeAsync(User, library, LibraryOperations.Invite)).Succeeded ? null : Forbid();
    }

    private async Task LoadInvitationsAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.LibraryId == Id && i.Role == ScopedRole.LibraryRepresentative)
            .OrderByDescending(i => i.Id)
            .Select(i => new InvitationRow(i.Email, i.InvitedAt, i.ExpiresAt, i.AcceptedAt))
            .ToListAsync(cancellationToken);
    }
}
