using AwardVote.Application.Ballots;
using AwardVote.Application.Jury;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The ranked ballot of a final round: a numbered select box per shortlisted nomination, so it works with a
/// keyboard, a screen reader and without JavaScript. Equal numbers only where the statute allows ties. Cast through
/// <see cref="CastRanking"/>, as the API casts it.
/// </summary>
public sealed class RankingModel(AppDbContext db, CastRanking castRanking, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CategoryId { get; set; }

    /// <summary>Nomination id → rank; empty = not ranked.</summary>
    [BindProperty]
    public Dictionary<int, int?> Ranks { get; set; } = [];

    [BindProperty]
    public Guid? Version { get; set; }

    public List<(int Id, string Name, bool Conflicted)> Candidates { get; private set; } = [];
    public Round? Round { get; private set; }
    public string? Closed { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } denied)
            return denied;
        var userId = User.UserId();
        var roundId = Round?.Id;
        var ballot = await db.RankedBallots.AsNoTracking().Include(b => b.Ranks)
            .SingleOrDefaultAsync(b => b.RoundId == roundId && b.CategoryId == CategoryId && b.JurorUserId == userId, cancellationToken);
        if (ballot is not null)
        {
            Version = ballot.Version;
            Ranks = ballot.Ranks.ToDictionary(r => r.NominationId, r => (int?)r.Rank);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } denied)
            return denied;
        var outcome = await castRanking.RunAsync(User.UserId(),
            new CastRankingInput { CycleId = CycleId, CategoryId = CategoryId, Ranks = Ranks, Version = Version }, enteredBy: null, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, prefix: null) ?? Page();
        Message = l["Your ranking was saved. You can change it until the round closes."];
        return RedirectToPage(new { CycleId, CategoryId });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await this.ForbidUnlessAsync(new Panel(CycleId, CategoryId), PanelOperations.Judge) is { } denied)
            return denied;
        var userId = User.UserId();
        var cycle = await JudgingRound.LoadCycleAsync(db, CycleId, cancellationToken);
        Round = cycle.Rounds.SingleOrDefault(r => r.Number == cycle.RoundNumber);
        Closed = JudgingRound.WhyClosed(cycle, BallotKind.Ranked, clock.GetUtcNow()) is { } closed ? RefusalText.Describe(closed, l) : null;
        if (Round is null || Round.Kind != BallotKind.Ranked)
            return null;
        var shortlist = await JudgingRound.JudgedNominationsAsync(db, cycle, Round, CategoryId, cancellationToken);
        var conflicted = await JuryMembership.ConflictedNominationsAsync(db, userId, CycleId, cancellationToken);
        Candidates = (await db.Nominations.Where(n => shortlist.Contains(n.Id))
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name })
                .OrderBy(x => x.Name)
                .ToListAsync(cancellationToken))
            .Select(x => (x.Id, x.Name, conflicted.Contains(x.Id)))
            .ToList();
        return null;
    }
}
