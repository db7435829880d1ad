using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The juror's desk: the nominations of their panel with their own progress, conflicts marked, and a filter for what
/// is not scored yet. Only the juror's own ballots are read here.
/// </summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, JuryMembership jury, BallotBox ballots, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PanelChoice> Panels { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public Round? Round { get; private set; }
    public string? CategoryName { get; private set; }
    public DateTimeOffset? ClosesAt { get; private set; }
    public bool Open { get; private set; }
    public bool IsChair { get; private set; }
    public List<Row> Rows { get; private set; } = [];
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

    public sealed record Row(int NominationId, string LibraryName, string? Summary, bool Conflicted, BallotState State, decimal? MyWeightedMean);

    public enum BallotState { NotStarted, Incomplete, Complete, Abstained }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var panels = await jury.PanelsOfAsync(userId);
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
        var panel = Panels.FirstOrDefault(p => p.CycleId == CycleId && p.CategoryId == CategoryId) ?? Panels[0];
        CycleId = panel.CycleId;
        CategoryId = panel.CategoryId;
        IsChair = await jury.IsChairAsync(userId, panel.CycleId, panel.CategoryId);
        if (IsChair)
            TiesAwaitingCastingVote = await db.RoundResults
                .Where(r => r.CategoryId == panel.CategoryId && r.Outcome == RoundOutcome.UnbrokenTie
                            && db.Rounds.Any(x => x.Id == r.RoundId && x.CycleId == panel.CycleId)
                            && !db.CastingVotes.Any(v => v.RoundResultId == r.Id))
                .Select(r => r.Id)
                .ToListAsync(cancellationToken);

        Cycle = await ballots.LoadCycleAsync(panel.CycleId, cancellationToken);
        var category = Cycle.Categories.Single(c => c.Id == panel.CategoryId);
        CategoryName = DisplayNames.Pick(category.Name, category.NameEn);
        Round = Cycle.Rounds.SingleOrDefault(r => r.Number == Math.Max(1, Cycle.RoundNumber));
        if (Cycle.Phase < CyclePhase.Judging || Round is null)
            return Page();
        ClosesAt = JudgingRules.RoundClosesAt(Cycle, Round.Number);
        Open = JudgingRules.AcceptsBallots(Cycle, Round.Number, clock.GetUtcNow());

        var conflicted = await jury.ConflictedNominationsAsync(userId, Cycle.Id);
        var shortlist = Round.Number > 1 ? await ballots.ShortlistAsync(Cycle, Round, panel.CategoryId, cancellationToken) : null;
        var nominations = (await db.Nominations.AsNoTracking()
                .Where(n => n.CycleId == Cycle.Id && n.CategoryId == panel.CategoryId
                            && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name, n.PublicSummary })
                .OrderBy(x => x.Name)
                .ToListAsync(cancellationToken))
            .Where(n => shortlist is null || shortlist.Contains(n.Id))
            .ToList();
        var roundId = Round.Id;
        var mine = await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .Where(b => b.RoundId == roundId && b.JurorUserId == userId)
            .ToDictionaryAsync(b => b.NominationId, cancellationToken);
        Rows = nominations.Select(n =>
        {
            var ballot = mine.GetValueOrDefault(n.Id);
            var state = ballot is null ? BallotState.NotStarted
                : ballot.Abstained ? BallotState.Abstained
                : JudgingRules.IsComplete(ballot, Cycle.Criteria) ? BallotState.Complete : BallotState.Incomplete;
            return new Row(n.Id, n.Name, n.PublicSummary, conflicted.Contains(n.Id), state,
                state == BallotState.Complete && ProgressRules.WeightedMean(ballot!, Cycle.Criteria) is { } mean ? Math.Round(mean, 2) : null);
        }).ToList();
        if (Filter == "todo")
            Rows = Rows.Where(r => !r.Conflicted && r.State is BallotState.NotStarted or BallotState.Incomplete).ToList();
        return Page();
    }
}
