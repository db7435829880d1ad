using AwardVote.Infrastructure;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Judging;
using AwardVote.Infrastructure.Mail;
using AwardVote.Web.Accounts;
using AwardVote.Web.Judging;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The chair's board: done/assigned per juror and per nomination, never a score before the round closes
/// (administrators see turnout, not scores); after close each juror's mean ± standard deviation. Also the digest
/// reminder to jurors with unfinished ballots, with the text each one will get shown before sending.
/// </summary>
[Authorize]
public sealed class ProgressModel(
    AppDbContext db,
    JuryMembership jury,
    PanelProgress progress,
    JurorReminders reminders,
    AuditLog audit,
    AccountMail mail,
    TimeProvider clock,
    IStringLocalizer<MailResource> mailText,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CategoryId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PanelProgress.Report Report { get; private set; } = null!;
    public List<Preview> Reminders { get; private set; } = [];

    public sealed record Preview(JurorReminders.Recipient Recipient, RenderedMail Mail);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
            return refusal;
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
            return refusal;
        if (Report.RoundIsClosed || Reminders.Count == 0)
        {
            Message = l["Nobody needs a reminder."];
            return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
        }
        var now = clock.GetUtcNow();
        foreach (var preview in Reminders)
        {
            // The time in the key makes each press its own reminder; a double submit in the same tick stays one.
            await reminders.QueueAsync(Report.Cycle, preview.Recipient,
                $"{CycleId}:{CategoryId}:{Report.RoundNumber}:manual:{now.UtcTicks}:{preview.Recipient.UserId}", cancellationToken);
        }
        audit.Record("jury.reminded", "Category", CategoryId,
            after: new { Round = Report.RoundNumber, Recipients = Reminders.Select(r => new { r.Recipient.UserId, r.Recipient.Unfinished }).ToList() },
            cycleId: CycleId);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        Message = l["Reminders are on their way to {0} jurors.", Reminders.Count];
        return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await jury.CanManageAsync(User, CycleId, CategoryId))
            return Forbid();
        var now = clock.GetUtcNow();
        if (await progress.LoadAsync(CycleId, CategoryId, now, cancellationToken) is not { } report)
            return NotFound();
        Report = report;
        if (!report.RoundIsClosed)
        {
            foreach (var recipient in await reminders.LateJurorsAsync(CycleId, CategoryId, now, cancellationToken))
            {
                RenderedMail rendered;
                using (CultureScope.Use(recipient.Culture))
                    rendered = reminders.MailFor(report.Cycle, recipient).Render(mailText);
                Reminders.Add(new Preview(recipient, rendered));
            }
        }
        return null;
    }

    public string CycleTitle => DisplayNames.Pick(Report.Cycle.Title, Report.Cycle.TitleEn);
    public string CategoryName => DisplayNames.Pick(Report.Category.Name, Report.Category.NameEn);

    /// <summary>Two decimals in the page's culture: the spread of a juror's ballot means.</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture) : "—";

}
