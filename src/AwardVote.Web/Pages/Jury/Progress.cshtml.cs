using AwardVote.Application.Jury;
using AwardVote.Infrastructure;
using AwardVote.Infrastructure.Mail;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The chair's board (<see cref="PanelProgress"/>, as the API reports it): done/assigned per juror and per nomination,
/// never a score before the round closes (administrators see turnout, not scores); after close each juror's mean ±
/// standard deviation. Also the digest reminder to jurors with unfinished ballots (<see cref="RemindJurors"/>), with
/// the text each one will get shown before sending.
/// </summary>
public sealed class ProgressModel(
    PanelProgress progress,
    JurorReminders reminders,
    RemindJurors remind,
    TimeProvider clock,
    IStringLocalizer<MailResource> mailText,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CategoryId { get; set; }

    /// <summary>The round shown; the open (or last) one when not given.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Round { get; set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public RemindJurorsInput Reminder { get; set; } = new();

    public PanelProgress.Report Report { get; private set; } = null!;
    public List<Preview> Reminders { get; private set; } = [];

    public sealed record Preview(ReminderRecipient Recipient, RenderedMail Mail);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
            return refusal;
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken)
    {
        if (await this.ForbidUnlessAsync(new Panel(CycleId, CategoryId), PanelOperations.Manage) is { } denied)
            return denied;
        var outcome = await remind.RunAsync(CycleId, CategoryId, Reminder, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, prefix: nameof(Reminder)) ?? await LoadAsync(cancellationToken) ?? Page();
        Message = outcome.Value == 0 ? l["Nobody needs a reminder."] : l["Reminders are on their way to {0} jurors.", outcome.Value];
        return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await this.ForbidUnlessAsync(new Panel(CycleId, CategoryId), PanelOperations.Manage) is { } denied)
            return denied;
        var now = clock.GetUtcNow();
        if (await progress.RunAsync(CycleId, CategoryId, now, Round, cancellationToken) is not { } report)
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

    /// <summary>The rounds begun so far, for the selector: only with more than one.</summary>
    public IReadOnlyList<int> Rounds => Enumerable.Range(1, Math.Max(1, Report.Cycle.RoundNumber))
        .Where(n => Report.Cycle.Rounds.Any(r => r.Number == n)).ToList();

    public string CycleTitle => DisplayNames.Pick(Report.Cycle.Title, Report.Cycle.TitleEn);
    public string CategoryName => DisplayNames.Pick(Report.Category.Name, Report.Category.NameEn);

    /// <summary>Two decimals in the page's culture: the spread of a juror's ballot means.</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture) : "—";
}
