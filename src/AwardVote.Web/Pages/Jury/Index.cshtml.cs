using AwardVote.Application.Jury;
using AwardVote.Application.Ties;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The juror's desk: the nominations of their panel with their own progress, conflicts marked, and a filter for what
/// is not scored yet (<see cref="JurorDesk"/>, as the API lists it). Only the juror's own ballots are read here.
/// </summary>
public sealed class IndexModel(AppDbContext db, JurorDesk desk, TiesAwaitingCastingVote ties) : PageModel
{
    public IReadOnlyList<PanelChoice> Panels { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public Round? Round { get; private set; }
    public string? CategoryName { get; private set; }
    public DateTimeOffset? ClosesAt { get; private set; }
    public bool Open { get; private set; }
    public bool IsChair { get; private set; }
    public List<DeskRow> Rows { get; private set; } = [];
    public int Done { get; private set; }
    public int ToJudge { get; private set; }

    /// <summary>Said once after accepting the invitation or declaring a conflict.</summary>
    [TempData]
    public string? Message { get; set; }
    /// <summary>For the chair: counted results of this panel whose first-place tie waits for their casting vote.</summary>
    public List<int> TiesAwaitingCastingVote { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    /// <summary>"todo": only what still needs the juror's scores.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Filter { get; set; }

    public sealed record PanelChoice(int CycleId, int CategoryId, string Label);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var panels = await JuryMembership.PanelsOfAsync(db, userId, cancellationToken);
        if (panels.Count == 0)
            return Page();
        var cycleIds = panels.Select(p => p.CycleId).ToList();
        var cycles = await db.Cycles.Include(c => c.Categories).Where(c => cycleIds.Contains(c.Id)).ToListAsync(cancellationToken);
        Panels = panels
            .Select(p => (p, cycle: cycles.Single(c => c.Id == p.CycleId)))
            .OrderByDescending(x => x.cycle.Year)
            .Select(x => new PanelChoice(x.p.CycleId, x.p.CategoryId,
                $"{DisplayNames.Pick(x.cycle.Title, x.cycle.TitleEn)} — {DisplayNames.Pick(x.cycle.Categories.Single(c => c.Id == x.p.CategoryId).Name, x.cycle.Categories.Single(c => c.Id == x.p.CategoryId).NameEn)}"))
            .ToList();
        // Only a panel the account sits on: the list above is the choice, whatever the address says.
        var panel = Panels.FirstOrDefault(p => p.CycleId == CycleId && p.CategoryId == CategoryId) ?? Panels[0];
        CycleId = panel.CycleId;
        CategoryId = panel.CategoryId;
        IsChair = await JuryMembership.IsChairAsync(db, userId, panel.CycleId, panel.CategoryId, cancellationToken);
        if (IsChair)
            TiesAwaitingCastingVote = (await ties.RunAsync(panel.CycleId, panel.CategoryId, cancellationToken)).Select(t => t.ResultId).ToList();

        var mine = (await desk.RunAsync(userId, panel.CycleId, panel.CategoryId, cancellationToken))!;
        Cycle = mine.Cycle;
        CategoryName = DisplayNames.Pick(mine.Category.Name, mine.Category.NameEn);
        Round = mine.Round;
        ClosesAt = mine.ClosesAt;
        Open = mine.Open;
        Done = mine.Done;
        ToJudge = mine.ToJudge;
        Rows = Filter == "todo"
            ? mine.Rows.Where(r => !r.Conflicted && r.State is DeskBallotState.NotStarted or DeskBallotState.Incomplete).ToList()
            : mine.Rows.ToList();
        return Page();
    }
}
