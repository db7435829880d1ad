using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Security;
using AwardVote.Web.Accounts;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Application.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Jury;

/// <summary>
/// A cycle's jury panels: who sits on one, who chairs it, and e-mailed one-time invitations (the same link and
/// acceptance page as a library's invitations) for jurors and chairs.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(
    AppDbContext db,
    AuditLog audit,
    Outbox outbox,
    AccountMail mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int ValidDays = 14;

    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [BindProperty]
    public string? ChairUserId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public Category? Category { get; private set; }
    public List<Member> Members { get; private set; } = [];
    public List<InvitationRow> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed record Member(string UserId, string Name, string Email, bool IsChair);
    public sealed record InvitationRow(string Email, ScopedRole Role, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt,
        DateTimeOffset? AcceptedAt, DateTimeOffset? DeclinedAt);

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the juror's name.")]
        [StringLength(200, ErrorMessage = "The name is too long.")]
        [Display(Name = "Juror's name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the juror's e-mail address.")]
        [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        [Display(Name = "Juror's e-mail")]
        public string Email { get; set; } = "";

        [Display(Name = "Invite as the chair of the jury")]
        public bool AsChair { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPanelNamedAsync(cancellationToken) || Cycle is null || Category is null)
            return NotFound();
        // An empty field binds as null: [Required] has already said so in the model state.
        var email = Invite.Email?.Trim() ?? "";
        if (ModelState.IsValid && Members.Any(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError($"{nameof(Invite)}.{nameof(InviteInput.Email)}", l["This person already sits on the jury."]);
        if (!ModelState.IsValid)
            return Page();

        var (token, tokenHash) = OneTimeToken.Create();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Email = email,
            Role = Invite.AsChair ? ScopedRole.Chair : ScopedRole.Juror,
            CycleId = Cycle.Id,
            CategoryId = Category.Id,
            TokenHash = tokenHash,
            InvitedAt = now,
            ExpiresAt = now.AddDays(ValidDays),
            InvitedByUserId = User.UserId(),
        };
        db.Invitations.Add(invitation);
        audit.Record("jury.juror-invited", nameof(Domain.Cycles.Category), Category.Id,
            after: new { invitation.Email, Name = Invite.Name.Trim(), invitation.Role, invitation.ExpiresAt }, cycleId: Cycle.Id);

        // Someone with an account gets the mail in their language; anyone else in Latvian, the association's.
        var culture = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
            .Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken) ?? Cultures.Latvian;
        var acceptUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Invitations/Accept?token={token}";
        outbox.Enqueue(new JuryInvitationMail(Invite.Name.Trim(), InviterName(), DisplayNames.Pick(Cycle.Title, Cycle.TitleEn, culture),
                DisplayNames.Pick(Category.Name, Category.NameEn, culture), Invite.AsChair, email, acceptUrl, ValidDays),
            email, Invite.Name.Trim(), culture, invitation.TokenHash[..16]);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        Message = l["The invitation is on its way."];
        return RedirectToPage(new { cycleId = Cycle.Id, categoryId = Category.Id });
    }

    /// <summary>A panel has one chair: naming one takes the chair from whoever had it (audited, before and after).</summary>
    public async Task<IActionResult> OnPostChairAsync(CancellationToken cancellationToken)
    {
        if (!await LoadPanelNamedAsync(cancellationToken) || Cycle is null || Category is null)
            return NotFound();
        if (Members.All(m => m.UserId != ChairUserId))
        {
            ModelState.AddModelError("", l["Choose a member of the jury as its chair."]);
            return Page();
        }
        var chairs = await db.RoleGrants
            .Where(g => g.CycleId == Cycle.Id && g.CategoryId == Category.Id && g.Role == ScopedRole.Chair)
            .ToListAsync(cancellationToken);
        var before = chairs.Select(g => g.UserId).ToList();
        if (before.SequenceEqual([ChairUserId!]))
            return RedirectToPage(new { cycleId = Cycle.Id, categoryId = Category.Id });
        db.RoleGrants.RemoveRange(chairs.Where(g => g.UserId != ChairUserId));
        var now = clock.GetUtcNow();
        if (chairs.All(g => g.UserId != ChairUserId))
            db.RoleGrants.Add(RoleGrant.Chair(ChairUserId!, Cycle.Id, Category.Id, now, User.UserId()));
        audit.Record("jury.chair-changed", nameof(Domain.Cycles.Category), Category.Id,
            before: new { Chairs = before }, after: new { Chairs = new[] { ChairUserId } }, cycleId: Cycle.Id);
        await db.SaveChangesAsync(cancellationToken);
        Message = l["The chair of the jury is changed."];
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
            .Select(i => new InvitationRow(i.Email, i.Role, i.InvitedAt, i.ExpiresAt, i.AcceptedAt, i.DeclinedAt))
            .ToListAsync(cancellationToken);
    }

    private string InviterName() =>
        User.FindFirst(AppClaimsPrincipalFactory.DisplayNameClaim)?.Value is { Length: > 0 } name ? name : User.Identity?.Name ?? "";
}
