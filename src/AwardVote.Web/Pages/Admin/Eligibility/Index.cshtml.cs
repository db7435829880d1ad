using AwardVote.Application.Libraries;
using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
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

namespace AwardVote.Web.Pages.Admin.Eligibility;

/// <summary>
/// Eligibility screening: each submitted nomination beside the statute's rules, passed or failed with a reason
/// the library sees and receives by mail.
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
    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public List<Row> Nominations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed record Row(Nomination Nomination, string LibraryName, string CategoryName);

    public sealed class DecisionInput
    {
        public int NominationId { get; set; }

        [Display(Name = "Decision")]
        public EligibilityDecision Outcome { get; set; }

        [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == Decision.NominationId, cancellationToken);
        if (nomination is null)
            return NotFound();
        CycleId = nomination.CycleId;
        var errors = await DecideAsync(nomination, Decision.Outcome, Decision.Reason, User.UserId(),
            $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Nominations", cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                ModelState.AddModelError("", error);
            await LoadAsync(cancellationToken);
            return Page();
        }
        mail.DeliverSoon();
        var library = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        Message = l["Decision saved for {0}; the library was told by e-mail.", library];
        return RedirectToPage(new { cycleId = nomination.CycleId });
    }

    /// <summary>
    /// The screening rule, shared by this page and the API: a decision needs an outcome, a failure needs a reason,
    /// only submitted nominations of a cycle in nominations or review are screened. Saves, audits and mails the
    /// library's representatives; returns the problems (nothing saved) otherwise.
    /// </summary>
    public async Task<List<string>> DecideAsync(Nomination nomination, EligibilityDecision outcome, string? reason, string deciderId,
        string link, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.SingleAsync(c => c.Id == nomination.CycleId, cancellationToken);
        var errors = new List<string>();
        if (outcome == EligibilityDecision.NotReviewed)
            errors.Add(l["Choose eligible or not eligible."]);
        if (outcome == EligibilityDecision.Ineligible && string.IsNullOrWhiteSpace(reason))
            errors.Add(l["Give the reason: the library will read it."]);
        if (reason is { Length: > 2000 })
            errors.Add(l["The reason can be at most {1} characters long.", "", 2000]);
        if (nomination.Status != NominationStatus.Submitted)
            errors.Add(l["Only submitted nominations are screened."]);
        if (cycle.Phase is not (CyclePhase.NominationsOpen or CyclePhase.EligibilityReview))
            errors.Add(l["Eligibility can be decided only while nominations are open or under review."]);
        if (errors.Count > 0)
            return errors;

        var before = new { nomination.Eligibility, nomination.EligibilityReason };
        nomination.Eligibility = outcome;
        nomination.EligibilityReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        nomination.EligibilityDecidedAt = clock.GetUtcNow();
        nomination.EligibilityDecidedByUserId = deciderId;
        nomination.Version = Guid.NewGuid();
        audit.Record("nomination.eligibility-decided", "Nomination", nomination.Id, before,
            new { nomination.Eligibility, nomination.EligibilityReason }, nomination.EligibilityReason, nomination.CycleId);

        var library = await db.Libraries.SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken);
        foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomination.LibraryId, cancellationToken))
        {
            outbox.Enqueue(new EligibilityDecisionMail(contact.Name, library.Name, DisplayNames.Pick(cycle.Title, cycle.TitleEn, contact.Culture),
                    nomination.Eligibility == EligibilityDecision.Eligible, nomination.EligibilityReason, link),
                contact.Email, contact.Name, contact.Culture,
                // A changed decision is told again; the same decision once.
                $"{nomination.Id}:{nomination.EligibilityDecidedAt.Value.UtcTicks}:{contact.UserId}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Cycles = await db.Cycles.Where(c => PhasePlan.PhasesFrom(CyclePhase.NominationsOpen).Contains(c.Phase)).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        var cycleId = CycleId ?? Cycles.Where(x => x.Phase is CyclePhase.NominationsOpen or CyclePhase.EligibilityReview).Select(x => x.Id).FirstOrDefault();
        Cycle = await db.Cycles.Include(c => c.EligibilityRules).Include(c => c.Categories)
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (Cycle is null)
            return;
        CycleId = Cycle.Id;
        var categories = Cycle.Categories.ToDictionary(c => c.Id, c => DisplayNames.Pick(c.Name, c.NameEn));
        Nominations = (await db.Nominations
                .Where(n => n.CycleId == Cycle.Id && n.Status == NominationStatus.Submitted)
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n, x.Name })
                .OrderBy(x => x.Name)
                .ToListAsync(cancellationToken))
            .Select(x => new Row(x.n, x.Name, categories[x.n.CategoryId]))
            .ToList();
    }
}
