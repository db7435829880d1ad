using AwardVote.Application.Counting;
using AwardVote.Application.Ties;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Pages.Admin.Cycles;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Results;

/// <summary>
/// Results review: each counted round's order, outcome, sensitivity line and the ballot file with its hash. A
/// result exists only once its round has closed, so nothing here can show a count early.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, CountedRounds counted, DownloadCount download, OpenRepeatBallot openRepeatBallot,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    /// <summary>Categories whose final waits for a repeat ballot, with the nominations it would judge.</summary>
    public IReadOnlyList<RepeatBallotNeed> RepeatBallotNeeded { get; private set; } = [];
    public Dictionary<int, string> CategoryNames { get; private set; } = [];

    /// <summary>When the repeat ballot closes, in the cycle's time zone.</summary>
    [BindProperty]
    public DateTime? RepeatClosesAt { get; set; }
    public List<Row> Results { get; private set; } = [];

    public sealed record Row(RoundResult Result, int RoundNumber, string CategoryName, CountProtocol Protocol, CastingVote? CastingVote);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cycles = await db.Cycles.Where(c => PhasePlan.PhasesFrom(CyclePhase.Judging).Contains(c.Phase)).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        CycleId ??= Cycles.FirstOrDefault()?.Id;
        Cycle = await db.Cycles.Include(c => c.Rounds).AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, cancellationToken);
        if (Cycle is null)
            return;
        CategoryNames = await db.Categories.Where(c => c.CycleId == CycleId).ToDictionaryAsync(c => c.Id, c => DisplayNames.Pick(c.Name, c.NameEn), cancellationToken);
        if (Cycle is { Phase: CyclePhase.ResultsReview })
            RepeatBallotNeeded = await OpenRepeatBallot.NeededAsync(db, Cycle, cancellationToken);
        Results = (await counted.RunAsync(Cycle.Id, cancellationToken) ?? [])
            .SelectMany(round => round.Categories
                .Where(c => c.Result is not null)
                .Select(c => new Row(c.Result!, round.Round.Number, CategoryNames[c.Category.Id], c.Protocol!, c.CastingVote)))
            .OrderBy(r => r.RoundNumber).ThenBy(r => r.CategoryName)
            .ToList();
    }

    /// <summary>Opens a repeat ballot among the tied, closing at the time typed in the cycle's zone.</summary>
    public async Task<IActionResult> OnPostRepeatBallotAsync(CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, cancellationToken);
        if (cycle is null)
            return NotFound();
        DateTimeOffset? closesAt = RepeatClosesAt is not null && CycleEditing.TryToUtc(RepeatClosesAt, cycle.TimeZone, out var utc) ? utc : null;
        var outcome = await openRepeatBallot.RunAsync(cycle.Id, closesAt, cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var refusal in outcome.Refusals)
                ModelState.AddModelError(nameof(RepeatClosesAt), RefusalText.Describe(refusal, l));
            await OnGetAsync(cancellationToken);
            return Page();
        }
        return RedirectToPage("/Admin/Cycles/Details", new { id = cycle.Id });
    }

    /// <summary>The canonical ballot file, for an offline recount with <c>awardvote verify</c> (<see cref="DownloadCount"/>).</summary>
    public Task<IActionResult> OnGetBallotFileAsync(int id, CancellationToken cancellationToken) =>
        DownloadAsync(id, CountFile.Ballots, cancellationToken);

    /// <summary>The protocol as JSON, the other input of <c>awardvote verify</c>.</summary>
    public Task<IActionResult> OnGetProtocolAsync(int id, CancellationToken cancellationToken) =>
        DownloadAsync(id, CountFile.Protocol, cancellationToken);

    private async Task<IActionResult> DownloadAsync(int id, CountFile file, CancellationToken cancellationToken)
    {
        var outcome = await download.RunAsync(id, file, cancellationToken);
        return outcome.Value is { } found ? File(found.Content, found.ContentType, found.FileName) : NotFound();
    }
}
