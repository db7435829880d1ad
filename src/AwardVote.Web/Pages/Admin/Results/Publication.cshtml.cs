using AwardVote.Application;
using AwardVote.Application.Results;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Pages.Admin.Cycles;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Results;

/// <summary>
/// Approval and publication, for administrators: each category's laureate and citation to approve
/// (<see cref="ApprovePublication"/>), then the whole cycle published now (<see cref="PublishResults"/>) or at a time
/// typed in the cycle's zone (<see cref="SchedulePublication"/>, stored in UTC, published by the publish-due job), and
/// approved corrections published beside what they correct (<see cref="PublishCorrection"/>). The API's publication
/// endpoints call the same use cases. "Publish now" first shows the announcements and every results mail as they will be
/// sent (<see cref="PreviewPublication"/>) and publishes only once that is confirmed.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class PublicationModel(AppDbContext db, ResultStandings standings, PreviewPublication previewer, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    /// <summary>The announcement time in the cycle's zone.</summary>
    [BindProperty]
    public DateTime? ScheduleAt { get; set; }

    /// <summary>Asks for the preview of "publish now" (a read: nothing happens until it is confirmed).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Preview { get; set; }

    /// <summary>The publisher looked through the preview and confirms.</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PublicationPreview? Previewed { get; private set; }

    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public IReadOnlyList<ResultStandings.CategoryView> Views { get; private set; } = [];
    public IReadOnlyList<string> Blockers { get; private set; } = [];
    public DateTimeOffset? ScheduledFor { get; private set; }

    public string CategoryName(int id) =>
        Views.FirstOrDefault(v => v.Category.Id == id) is { } view ? DisplayNames.Pick(view.Category.Name, view.Category.NameEn) : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Cycle is { } cycle && ScheduledFor is { } at)
            ScheduleAt = CycleEditing.ToLocal(at, cycle.TimeZone);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int publicationId, Guid version, [FromServices] ApprovePublication approve,
        CancellationToken cancellationToken) =>
        await DoneAsync(await approve.RunAsync(publicationId, version, User.UserId(), cancellationToken), l["The citation is approved."], cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync([FromServices] PublishResults publish, CancellationToken cancellationToken) =>
        await DoneAsync(await publish.RunAsync(CycleId ?? 0, User.UserId(), onlyIfDue: false, Confirm, cancellationToken),
            l["The results are published: the public page is open and the results mails are on their way."], cancellationToken);

    public async Task<IActionResult> OnPostScheduleAsync([FromServices] SchedulePublication schedule, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, cancellationToken);
        if (cycle is null)
            return NotFound();
        // The form writes the time in the cycle's zone; the use case takes it as a moment.
        if (ScheduleAt is null)
            ModelState.AddModelError(nameof(ScheduleAt), RefusalText.Describe(Refusal.Invalid(nameof(ScheduleAt), RefusalCode.PublicationTimeMissing), l));
        else if (!CycleEditing.TryToUtc(ScheduleAt, cycle.TimeZone, out var utc))
            ModelState.AddModelError(nameof(ScheduleAt), RefusalText.Describe(Refusal.Invalid(nameof(ScheduleAt), RefusalCode.TimeSkippedInZone), l));
        else
        {
            var outcome = await schedule.RunAsync(cycle.Id, utc, cancellationToken);
            return await DoneAsync(outcome, l["The results will be published on {0}.", DisplayNames.LocalTime(utc!.Value, cycle.TimeZone)], cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelScheduleAsync([FromServices] SchedulePublication schedule, CancellationToken cancellationToken) =>
        await DoneAsync(await schedule.RunAsync(CycleId ?? 0, null, cancellationToken), l["The scheduled publication is cancelled."], cancellationToken);

    public async Task<IActionResult> OnPostPublishCorrectionAsync(int publicationId, Guid version, [FromServices] PublishCorrection publish,
        CancellationToken cancellationToken) =>
        await DoneAsync(await publish.RunAsync(publicationId, version, User.UserId(), cancellationToken), l["The correction is published."], cancellationToken);

    private async Task<IActionResult> DoneAsync(Outcome outcome, string success, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            Message = success;
            return Redirect($"/Admin/Results/Publication?cycleId={CycleId}");
        }
        await LoadAsync(cancellationToken);
        // Above the form, as the page always showed them (an unknown announcement included).
        ModelState.AddRefusals(outcome, l, prefix: null);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Cycles = await db.Cycles.AsNoTracking().Where(c => PhasePlan.PhasesFrom(CyclePhase.Counting).Contains(c.Phase)).OrderByDescending(c => c.Year).ThenBy(c => c.Title)
            .ToListAsync(cancellationToken);
        CycleId ??= Cycles.FirstOrDefault(c => c.Phase == CyclePhase.ResultsReview)?.Id ?? Cycles.FirstOrDefault()?.Id;
        if (CycleId is not { } id || await standings.CycleAsync(id, cancellationToken) is not { } cycle)
            return;
        Cycle = cycle;
        Views = await standings.LoadAsync(cycle, tracked: false, cancellationToken);
        Blockers = cycle.Phase == CyclePhase.ResultsReview
            ? PublicationRefusals.For(PublicationRules.CheckPublication(cycle.Phase, Views.Select(v => v.Standing).ToList()), cycle.Categories)
                .Select(r => RefusalText.Describe(r, l)).Distinct().ToList()
            : [];
        ScheduledFor = Views.Select(v => v.Standing.Pending?.ScheduledFor).FirstOrDefault(at => at is not null);
        if ((Preview || !ModelState.IsValid) && cycle.Phase == CyclePhase.ResultsReview && Blockers.Count == 0
            && await previewer.RunAsync(cycle.Id, cancellationToken) is { Succeeded: true } previewed)
            Previewed = previewed.Value;
    }
}
