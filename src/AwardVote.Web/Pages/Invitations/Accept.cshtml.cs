using AwardVote.Domain.Libraries;
using AwardVote.Application.Invitations;
using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Invitations;

/// <summary>
/// The signed-in person accepts (<see cref="AcceptInvitation"/>) or declines (<see cref="DeclineInvitation"/>) an
/// invitation: to represent a library, or to sit on a cycle's jury panel as a juror or its chair, as the API does.
/// Any account may accept (people often have a personal and a work address); the page says which address was
/// invited. The link works once.
/// </summary>
[Authorize]
public sealed class AcceptModel(
    AppDbContext db,
    AcceptInvitation accept,
    DeclineInvitation decline,
    TimeProvider clock,
    SignInManager<AppUser> signIn,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Error { get; private set; }
    public string InvitedEmail { get; private set; } = "";
    public LibraryName LibraryName { get; private set; } = new("", "", "", "", "");
    public ScopedRole Role { get; private set; }
    public string CycleTitle { get; private set; } = "";
    public string CategoryName { get; private set; } = "";
    public bool IsJury => Role is ScopedRole.Juror or ScopedRole.Chair;
    public string? SignedInEmail { get; private set; }
    public bool Declined { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await accept.RunAsync(Token, User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            await ShowAsync(cancellationToken);
            Error = RefusalText.Describe(outcome.FirstRefusal!, l);
            return Page();
        }
        // The new grant becomes a role claim of the sign-in (the menu shows the library or the jury at once).
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        var accepted = outcome.Value!;
        // The jury's pages say so once ("Message" is their TempData), so a new juror does not land on a silent page.
        if (accepted.Role is ScopedRole.Chair or ScopedRole.Juror)
            TempData["Message"] = (accepted.Role == ScopedRole.Chair
                ? l["The invitation is accepted: you chair the jury. Here you follow the jury's progress."]
                : l["The invitation is accepted: you are on the jury. Your nominations to judge are here; they open when judging begins."]).Value;
        return accepted.Role switch
        {
            ScopedRole.LibraryRepresentative => RedirectToPage("/Libraries/Index", new { joined = accepted.LibraryId }),
            ScopedRole.Chair => RedirectToPage("/Jury/Progress", new { cycleId = accepted.CycleId, categoryId = accepted.CategoryId }),
            _ => RedirectToPage("/Jury/Index", new { cycleId = accepted.CycleId, categoryId = accepted.CategoryId }),
        };
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken)
    {
        var outcome = await decline.RunAsync(Token, cancellationToken);
        await ShowAsync(cancellationToken);
        if (!outcome.Succeeded)
        {
            Error = RefusalText.Describe(outcome.FirstRefusal!, l);
            return Page();
        }
        Declined = true;
        return Page();
    }

    /// <summary>What the link invites to, and <see cref="Error"/> when it can no longer be used.</summary>
    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        SignedInEmail = User.Identity?.Name;
        var invitation = await InvitationLinks.FindAsync(db, Token, cancellationToken);
        if (invitation is not null)
        {
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
                LibraryName = LibraryName.Of(await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == invitation.LibraryId, cancellationToken));
            }
        }
        Error = InvitationLinks.WhyNotUsable(invitation, clock.GetUtcNow()) is { } unusable ? RefusalText.Describe(unusable, l) : null;
    }
}
