using AwardVote.Application;
using AwardVote.Application.Jury;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Jury;

/// <summary>
/// A cycle's jury panels: who sits on one, who chairs it, and e-mailed one-time invitations (the same link and
/// acceptance page as a library's invitations) for jurors and chairs (<see cref="InviteJuror"/>,
/// <see cref="AppointChair"/>, as the API does); a member taken off (<see cref="RemoveJuror"/>), an unanswered invitation
/// cancelled (<see cref="CancelJuryInvitation"/>) or sent again (<see cref="ResendJuryInvitation"/>).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(
    AppDbContext db,
    InviteJuror inviteJuror,
    AppointChair appointChair,
    RemoveJuror removeJuror,
    CancelJuryInvitation cancelInvitation,
    ResendJuryInvitation resendInvitation,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    [BindProperty]
    public InviteJurorInput Invite { get; set; } = new();

    [BindProperty]
    public string? ChairUserId { get; set; }

    /// <summary>The member to take off the panel.</summary>
    [BindProperty]
    public string? MemberUserId { get; set; }

    /// <summary>The invitation to cancel or send again.</summary>
    [BindProperty]
    public int InvitationId { get; set; }

    /// <summary>The address was refused as a reserved or test domain: the form offers to send there anyway.</summary>
    public bool AskToConfirmDomain { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public Category? Category { get; private set; }
    public List<Member> Members { get; private set; } = [];
    public List<InvitationRow> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed record Member(string UserId, string Name, string Email, bool IsChair);
    public sealed record InvitationRow(int Id, string Email, ScopedRole Role, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt,
        DateTimeOffset? AcceptedAt, DateTimeOffset? DeclinedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPanelNamedAsync(cancellationToken) || Cycle is null || Category is null)
            return NotFound();
        if (ModelState.IsValid)
        {
            var outcome = await inviteJuror.RunAsync(Cycle.Id, Category.Id, User.UserId(), Invite, cancellationToken);
            if (outcome.Succeeded)
            {
                Message = l["The invitation is on its way."];
                return RedirectToPage(new { cycleId = Cycle.Id, categoryId = Category.Id });
            }
            AskToConfirmDomain = outcome.Refusals.Any(r => r.Code == RefusalCode.ReservedEmailDomain);
            if (this.Refused(outcome, prefix: nameof(Invite)) is { } answer)
                return answer;
        }
        return Page();
    }

    /// <summary>A panel has one chair: naming one takes the chair from whoever had it (audited, before and after).</summary>
    public async Task<IActionResult> OnPostChairAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPanelNamedAsync(cancellationToken) || Cycle is null || Category is null)
            return NotFound();
        var outcome = await appointChair.RunAsync(Cycle.Id, Category.Id, ChairUserId, User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, prefix: null) ?? Page();
        if (Members.Any(m => m.UserId == ChairUserId && !m.IsChair))
            Message = l["The chair of the jury is changed."];
        return RedirectToPage(new { cycleId = Cycle.Id, categoryId = Category.Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPanelNamedAsync(cancellationToken) || Cycle is null || Category is null)
            return NotFound();
        var name = Members.FirstOrDefault(m => m.UserId == MemberUserId)?.Name ?? "";
        var outcome = await removeJuror.RunAsync(Cycle.Id, Category.Id, MemberUserId, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, prefix: null) ?? Page();
        Message = l["{0} is no longer on the jury. To replace them, invite another juror below.", name];
        return RedirectToPage(new { cycleId = Cycle.Id, categoryId = Category.Id });
    }

    public async Task<IActionResult> OnPostCancelInvitationAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPanelNamedAsync(cancellationToken) || Cycle is null || Category is null)
            return NotFound();
        var outcome = await cancelInvitation.RunAsync(Cycle.Id, Category.Id, InvitationId, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, prefix: null) ?? Page();
        Message = l["The invitation is cancelled: its link no longer works."];
        return RedirectToPage(new { cycleId = Cycle.Id, categoryId = Category.Id });
    }

    public async Task<IActionResult> OnPostResendInvitationAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPanelNamedAsync(cancellationToken) || Cycle is null || Category is null)
            return NotFound();
        var outcome = await resendInvitation.RunAsync(Cycle.Id, Category.Id, InvitationId, User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, prefix: null) ?? Page();
        Message = l["The invitation is sent again with a new link; the old link no longer works."];
        return RedirectToPage(new { cycleId = Cycle.Id, categoryId = Category.Id });
    }

    /// <summary>
    /// A change acts on the panel the address names, never on the one the page would show by default: a missing or
    /// malformed id (a tampered form) finds nothing.
    /// </summary>
    private async Task<bool> LoadPanelNamedAsync(CancellationToken cancellationToken)
    {
        var (cycleId, categoryId) = (CycleId, CategoryId);
        await LoadAsync(cancellationToken);
        return Cycle is not null && Category is not null && Cycle.Id == cycleId && Category.Id == categoryId;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Cycles = await db.Cycles.AsNoTracking().Include(c => c.Categories)
            .Where(c => c.Phase != CyclePhase.Archived)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        Cycle = Cycles.FirstOrDefault(c => c.Id == CycleId) ?? (CycleId is null ? Cycles.FirstOrDefault() : null);
        Category = Cycle?.Categories.FirstOrDefault(c => c.Id == CategoryId) ?? (CategoryId is null ? Cycle?.Categories.MinBy(c => c.Order) : null);
        if (Cycle is null || Category is null)
            return;
        CycleId = Cycle.Id;
        CategoryId = Category.Id;
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.CycleId == Cycle.Id && g.CategoryId == Category.Id && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { g.Role, u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        Members = grants.GroupBy(g => g.Id)
            .Select(g => new Member(g.Key, g.First().DisplayName, g.First().Email ?? "", g.Any(x => x.Role == ScopedRole.Chair)))
            .OrderByDescending(m => m.IsChair).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.CycleId == Cycle.Id && i.CategoryId == Category.Id && (i.Role == ScopedRole.Juror || i.Role == ScopedRole.Chair))
            .OrderByDescending(i => i.Id)
            .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.InvitedAt, i.ExpiresAt, i.AcceptedAt, i.DeclinedAt))
            .ToListAsync(cancellationToken);
    }
}
