using System.Text;
using AwardVote.Application.Ties;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
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
public sealed class IndexModel(AppDbContext db, AuditLog audit, OpenRepeatBallot openRepeatBallot, IStringLocalizer<SharedResource> l) : PageModel
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
        var rounds = await db.Rounds.Where(r => r.CycleId == CycleId).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        var categories = await db.Categories.Where(c => c.CycleId == CycleId).ToDictionaryAsync(c => c.Id, c => DisplayNames.Pick(c.Name, c.NameEn), cancellationToken);
        CategoryNames = categories;
        Cycle = await db.Cycles.Include(c => c.Rounds).AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, cancellationToken);
        if (Cycle is { Phase: CyclePhase.ResultsReview })
            RepeatBallotNeeded = await OpenRepeatBallot.NeededAsync(db, Cycle, cancellationToken);
        var roundIds = rounds.Keys.ToList();
        var castingVotes = await db.CastingVotes.AsNoTracking()
            .Where(v => db.RoundResults.Any(r => r.Id == v.RoundResultId && roundIds.Contains(r.RoundId)))
            .ToDictionaryAsync(v => v.RoundResultId, cancellationToken);
        Results = (await db.RoundResults.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(cancellationToken))
            .Select(r => new Row(r, rounds[r.RoundId], categories[r.CategoryId], CountProtocol.FromJson(r.ProtocolJson), castingVotes.GetValueOrDefault(r.Id)))
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

    /// <summary>The canonical ballot file, for an offline recount with <c>awardvote verify</c>.</summary>
    public async Task<IActionResult> OnGetBallotFileAsync(int id, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (result is null)
            return NotFound();
        await AuditDownloadAsync(result, "ballot-file", cancellationToken);
        var extension = result.BallotFile.StartsWith("juror,", StringComparison.Ordinal) ? "csv" : "txt";
        return File(Encoding.UTF8.GetBytes(result.BallotFile), "text/plain; charset=utf-8", $"ballots-round-{result.RoundId}-category-{result.CategoryId}.{extension}");
    }

    /// <summary>The protocol as JSON, the other input of <c>awardvote verify</c>.</summary>
    public async Task<IActionResult> OnGetProtocolAsync(int id, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (result is null)
            return NotFound();
        await AuditDownloadAsync(result, "protocol-json", cancellationToken);
        return File(Encoding.UTF8.GetBytes(result.ProtocolJson), "application/json", $"protocol-round-{result.RoundId}-category-{result.CategoryId}.json");
    }

    /// <summary>Who took which count out of the system, like every export.</summary>
    private async Task AuditDownloadAsync(RoundResult result, string what, CancellationToken cancellationToken)
    {
        var cycleId = await db.Rounds.Where(r => r.Id == result.RoundId).Select(r => r.CycleId).SingleAsync(cancellationToken);
        audit.Record("export.downloaded", "RoundResult", result.Id, after: new { Export = what, result.RoundId, result.CategoryId }, cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
