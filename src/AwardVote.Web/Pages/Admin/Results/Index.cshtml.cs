using System.Text;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Results;

/// <summary>
/// Results review: each counted round's order, outcome, sensitivity line and the ballot file with its hash. A
/// result exists only once its round has closed, so nothing here can show a count early.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    public List<AwardCycle> Cycles { get; private set; } = [];
    public List<Row> Results { get; private set; } = [];

    public sealed record Row(RoundResult Result, int RoundNumber, string CategoryName, CountProtocol Protocol);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var judged = PhasePlan.AtOrAfter(CyclePhase.Judging);
        Cycles = await db.Cycles.Where(c => judged.Contains(c.Phase)).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        CycleId ??= Cycles.FirstOrDefault()?.Id;
        var rounds = await db.Rounds.Where(r => r.CycleId == CycleId).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        var categories = await db.Categories.Where(c => c.CycleId == CycleId).ToDictionaryAsync(c => c.Id, c => DisplayNames.Pick(c.Name, c.NameEn), cancellationToken);
        var roundIds = rounds.Keys.ToList();
        Results = (await db.RoundResults.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(cancellationToken))
            .Select(r => new Row(r, rounds[r.RoundId], categories[r.CategoryId], CountProtocol.FromJson(r.ProtocolJson)))
            .OrderBy(r => r.RoundNumber).ThenBy(r => r.CategoryName)
            .ToList();
    }

    /// <summary>The canonical ballot file, for an offline recount with <c>awardvote verify</c>.</summary>
    public async Task<IActionResult> OnGetBallotFileAsync(int id, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (result is null)
            return NotFound();
        var extension = result.BallotFile.StartsWith("juror,", StringComparison.Ordinal) ? "csv" : "txt";
        return File(Encoding.UTF8.GetBytes(result.BallotFile), "text/plain; charset=utf-8", $"ballots-round-{result.RoundId}-category-{result.CategoryId}.{extension}");
    }

    /// <summary>The protocol as JSON, the other input of <c>awardvote verify</c>.</summary>
    public async Task<IActionResult> OnGetProtocolAsync(int id, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return result is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(result.ProtocolJson), "application/json", $"protocol-round-{result.RoundId}-category-{result.CategoryId}.json");
    }
}
