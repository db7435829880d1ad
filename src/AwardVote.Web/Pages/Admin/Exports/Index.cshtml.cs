using System.Globalization;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Exports;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Exports;

/// <summary>
/// Downloads for administrators, per cycle: nominations, each closed scoring round's ballots and comments, and the
/// results, as CSV or Excel in the page's language. Every download is audited (who exported what); a round's
/// scores are refused until it closes.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, CycleExports exports, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string Nominations = "nominations";
    public const string Scores = "scores";
    public const string Results = "results";

    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public List<ScoreRound> ScoreRounds { get; private set; } = [];
    public int CountedResults { get; private set; }
    public string? Refusal { get; private set; }

    public sealed record ScoreRound(int Number, bool Closed, DateTimeOffset? ClosesAt);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string what, ExportFormat format, int? round, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Cycle is null)
            return NotFound();

        ExportTable table;
        switch (what)
        {
            case Nominations:
                table = await exports.NominationsAsync(Cycle, cancellationToken);
                break;
            case Scores:
                var outcome = await exports.ScoresAsync(Cycle, round ?? 1, cancellationToken);
                if (outcome.Table is null)
                {
                    // 409: the request is fine, the round's state forbids it for now.
                    Refusal = outcome.Refusal;
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
                }
                table = outcome.Table;
                break;
            case Results:
                table = await exports.ResultsAsync(Cycle, cancellationToken);
                break;
            default:
                return NotFound();
        }

        audit.Record("export.downloaded", "AwardCycle", Cycle.Id,
            after: new { Export = what, Format = format, Round = what == Scores ? round ?? 1 : (int?)null, Rows = table.Rows.Count, Language = CultureInfo.CurrentUICulture.Name },
            cycleId: Cycle.Id);
        await db.SaveChangesAsync(cancellationToken);

        var name = what == Scores ? $"{Cycle.Slug}-{what}-round-{round ?? 1}" : $"{Cycle.Slug}-{what}";
        return format == ExportFormat.Xlsx
            ? File(XlsxExport.Write(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : File(CsvExport.Write(table, CultureInfo.CurrentCulture), "text/csv; charset=utf-8", name + ".csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Phases are stored by name, so "at or after" is a list, not a comparison the database would make alphabetically.
        var started = PhasePlan.PhasesFrom(CyclePhase.NominationsOpen);
        Cycles = await db.Cycles.AsNoTracking().Where(c => started.Contains(c.Phase)).OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        var cycleId = CycleId ?? Cycles.FirstOrDefault()?.Id;
        Cycle = await db.Cycles.AsNoTracking()
            .Include(c => c.Rounds).Include(c => c.Criteria).Include(c => c.Schedule).Include(c => c.Categories)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (Cycle is null)
            return;
        CycleId = Cycle.Id;
        var now = clock.GetUtcNow();
        ScoreRounds = Cycle.Rounds.Where(r => r.Kind == BallotKind.Score).OrderBy(r => r.Number)
            .Select(r => new ScoreRound(r.Number, JudgingRules.RoundIsClosed(Cycle, r.Number, now), JudgingRules.RoundClosesAt(Cycle, r.Number)))
            .ToList();
        var roundIds = Cycle.Rounds.Select(r => r.Id).ToList();
        CountedResults = await db.RoundResults.CountAsync(r => roundIds.Contains(r.RoundId), cancellationToken);
    }
}
