using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The ranked ballot of a final round: a numbered select box per shortlisted nomination, so it works with a
/// keyboard, a screen reader and without JavaScript. Equal numbers only where the statute allows ties.
/// </summary>
[Authorize]
public sealed class RankingModel(AppDbContext db, JuryMembership jury, BallotBox ballots, IStringLocalizer<SharedResource> l) : PageModel
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
        var result = await ballots.CastRankedAsync(User.UserId(), new RankedBallotInput(CycleId, CategoryId, Ranks, Version), cancellationToken: cancellationToken);
        if (result.Forbidden)
            return Forbid();
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        Message = l["Your ranking was saved. You can change it until the round closes."];
        return RedirectToPage(new { CycleId, CategoryId });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (!await jury.IsJurorAsync(userId, CycleId, CategoryId))
            return Forbid();
        var cycle = await ballots.LoadCycleAsync(CycleId, cancellationToken);
        Round = cycle.Rounds.SingleOrDefault(r => r.Number == cycle.RoundNumber);
        Closed = await ballots.WhyClosedAsync(cycle, BallotKind.Ranked, cancellationToken);
        if (Round is null || Round.Kind != BallotKind.Ranked)
            return null;
        var shortlist = await ballots.ShortlistAsync(cycle, Round, CategoryId, cancellationToken);
        var conflicted = await jury.ConflictedNominationsAsync(userId, CycleId);
        Candidates = (await db.Nominations.Where(n => shortlist.Contains(n.Id))
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name })
                .OrderBy(x => x.Name)
                .ToListAsync(cancellationToken))
            .Select(x => (x.Id, x.Name, conflicted.Contains(x.Id)))
            .ToList();
        return null;
    }
}
