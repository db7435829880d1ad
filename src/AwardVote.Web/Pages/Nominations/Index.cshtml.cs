using AwardVote.Application.Libraries;
using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Web.Accounts;
using AwardVote.Web.Localization;
using AwardVote.Web.Nominations;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>A library's nominations: its own, those it made for others, and new ones for the open cycles.</summary>
[Authorize]
public sealed class IndexModel(
    AppDbContext db,
    NominationEditor editor,
    IAuthorizationService authorization,
    AuditLog audit,
    Outbox outbox,
    AccountMail mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Library> MyLibraries { get; private set; } = [];
    public List<Row> Nominations { get; private set; } = [];
    public List<OpenCategory> OpenCategories { get; private set; } = [];
    public List<Library> OtherLibraries { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public StartInput Start { get; set; } = new();

    public sealed record Row(int Id, string LibraryName, int LibraryId, string? NominatedBy, string CycleTitle, string? CycleTitleEn,
        string CategoryName, string? CategoryNameEn, NominationStatus Status, EligibilityDecision Eligibility, string? EligibilityReason,
        bool IsFrozen, bool NomineeIsMine);

    public sealed record OpenCategory(int CycleId, int CategoryId, string Label);

    public sealed class StartInput
    {
        [Required(ErrorMessage = "Choose the award cycle and category.")]
        [Display(Name = "Award cycle and category")]
        public string? CycleCategory { get; set; }

        [Display(Name = "Your library")]
        public int ActingLibraryId { get; set; }

        /// <summary>Empty: the acting library nominates itself.</summary>
        [Display(Name = "Nominee")]
        public int? NomineeLibraryId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !TryParse(Start.CycleCategory, out var cycleId, out var categoryId))
        {
            ModelState.AddModelError("", l["Choose the award cycle and category."]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        var acting = await db.Libraries.FindAsync([Start.ActingLibraryId], cancellationToken);
        if (acting is null || !(await authorization.AuthorizeAsync(User, acting, LibraryOperations.ActFor)).Succeeded)
            return Forbid();

        var cycle = await db.Cycles.Include(c => c.Schedule).Include(c => c.Categories).SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || cycle.Categories.All(c => c.Id != categoryId))
            return NotFound();
        if (!PhasePlan.AcceptsNominations(cycle, clock.GetUtcNow()))
            return await RefuseAsync(l["Nominations for this award cycle are closed."], cancellationToken);

        var nomineeId = Start.NomineeLibraryId ?? acting.Id;
        var nominee = await db.Libraries.FindAsync([nomineeId], cancellationToken);
        if (nominee is not { Status: LibraryStatus.Approved })
            return await RefuseAsync(l["Only an approved library can be nominated."], cancellationToken);
        if (await db.Nominations.AnyAsync(n => n.LibraryId == nomineeId && n.CycleId == cycleId && n.CategoryId == categoryId, cancellationToken))
            return await RefuseAsync(l["{0} already has a nomination in this category.", nominee.Name], cancellationToken);

        var now = clock.GetUtcNow();
        var byAnother = nomineeId != acting.Id;
        var nomination = new Nomination
        {
            CycleId = cycleId,
            CategoryId = categoryId,
            LibraryId = nomineeId,
            NominatedByLibraryId = byAnother ? acting.Id : null,
            Status = byAnother ? NominationStatus.AwaitingNomineeConfirmation : NominationStatus.Draft,
            CreatedByUserId = User.UserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Nominations.Add(nomination);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs starting the same nomination: the unique key keeps one.
            db.ChangeTracker.Clear();
            return await RefuseAsync(l["{0} already has a nomination in this category.", nominee.Name], cancellationToken);
        }

        audit.Record("nomination.created", "Nomination", nomination.Id, after: new { nomination.LibraryId, nomination.NominatedByLibraryId, nomination.Status }, cycleId: cycleId);
        if (byAnother)
        {
            var link = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Nominations";
            foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomineeId, cancellationToken))
            {
                outbox.Enqueue(new NominatedByAnotherLibraryMail(contact.Name, nominee.Name, acting.Name,
                        DisplayNames.Pick(cycle.Title, cycle.TitleEn, contact.Culture), link),
                    contact.Email, contact.Name, contact.Culture, $"{nomination.Id}:{contact.UserId}");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();

        if (byAnother)
        {
            Message = l["{0} was nominated. The nomination counts once the library confirms it.", nominee.Name];
            return RedirectToPage();
        }
        return RedirectToPage("./Edit", new { id = nomination.Id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, bool accept, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.FindAsync([id], cancellationToken);
        if (nomination is null)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        if (nomination.Status != NominationStatus.AwaitingNomineeConfirmation)
            return await RefuseAsync(l["This nomination does not wait for a confirmation."], cancellationToken);
        // After the deadline the nomination is frozen as it stands: neither confirmed into a draft nor declined.
        if (editor.WhyClosed(await editor.CycleAsync(nomination.CycleId, cancellationToken), nomination) is { } closed)
            return await RefuseAsync(closed, cancellationToken);

        var before = new { nomination.Status };
        var now = clock.GetUtcNow();
        nomination.Status = accept ? NominationStatus.Draft : NominationStatus.Withdrawn;
        nomination.NomineeConfirmedAt = accept ? now : null;
        nomination.WithdrawnAt = accept ? null : now;
        nomination.Version = Guid.NewGuid();
        nomination.UpdatedAt = now;
        audit.Record(accept ? "nomination.confirmed-by-nominee" : "nomination.declined-by-nominee", "Nomination", nomination.Id,
            before, new { nomination.Status }, cycleId: nomination.CycleId);
        await db.SaveChangesAsync(cancellationToken);
        return accept ? RedirectToPage("./Edit", new { id }) : RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static bool TryParse(string? value, out int cycleId, out int categoryId)
    {
        cycleId = categoryId = 0;
        var parts = value?.Split(':');
        return parts is { Length: 2 } && int.TryParse(parts[0], out cycleId) && int.TryParse(parts[1], out categoryId);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var myLibraryIds = await db.RoleGrants
            .Where(g => g.UserId == userId && g.Role == ScopedRole.LibraryRepresentative)
            .Select(g => g.LibraryId!.Value)
            .ToListAsync(cancellationToken);
        MyLibraries = await db.Libraries.Where(x => myLibraryIds.Contains(x.Id)).OrderBy(x => x.Name).ToListAsync(cancellationToken);

        Nominations = await (
                from n in db.Nominations
                where myLibraryIds.Contains(n.LibraryId) || (n.NominatedByLibraryId != null && myLibraryIds.Contains(n.NominatedByLibraryId.Value))
                join library in db.Libraries on n.LibraryId equals library.Id
                join cycle in db.Cycles on n.CycleId equals cycle.Id
                join category in db.Categories on n.CategoryId equals category.Id
                orderby cycle.Year descending, library.Name
                select new Row(n.Id, library.Name, library.Id,
                    db.Libraries.Where(b => b.Id == n.NominatedByLibraryId).Select(b => b.Name).FirstOrDefault(),
                    cycle.Title, cycle.TitleEn, category.Name, category.NameEn, n.Status, n.Eligibility, n.EligibilityReason,
                    n.FrozenAt != null, myLibraryIds.Contains(n.LibraryId)))
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var open = await db.Cycles.Include(c => c.Schedule).Include(c => c.Categories)
            .Where(c => c.Phase == CyclePhase.NominationsOpen).ToListAsync(cancellationToken);
        OpenCategories = open.Where(c => PhasePlan.AcceptsNominations(c, now))
            .SelectMany(c => c.Categories.OrderBy(x => x.Order).Select(x => new OpenCategory(c.Id, x.Id,
                $"{DisplayNames.Pick(c.Title, c.TitleEn)} — {DisplayNames.Pick(x.Name, x.NameEn)}")))
            .ToList();
        OtherLibraries = await db.Libraries.Where(x => x.Status == LibraryStatus.Approved && !myLibraryIds.Contains(x.Id))
            .OrderBy(x => x.Name).ToListAsync(cancellationToken);
        if (Start.ActingLibraryId == 0 && MyLibraries.FirstOrDefault(x => x.Status == LibraryStatus.Approved) is { } first)
            Start.ActingLibraryId = first.Id;
    }
}
