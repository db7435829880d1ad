using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Ballots;
using AwardVote.Application.Counting;
using AwardVote.Application.Jury;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Nominations;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// One nomination for one juror: the whole nomination to read and the juror's own score ballot beside it. A juror
/// with a conflict gets a plain page that says so, and nothing of the nomination or its scores. The ballot is cast
/// through <see cref="CastScoreBallot"/>, as the API casts it.
/// </summary>
public sealed class NominationModel(
    AppDbContext db,
    LoadNomination load,
    CastScoreBallot castScoreBallot,
    JurorDesk desk,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CastScoreBallotInput Input { get; set; } = new();

    public NominationArticle? Article { get; private set; }
    public AwardCycle Cycle { get; private set; } = null!;
    public bool Conflicted { get; private set; }
    /// <summary>The conflict is the juror's own declaration, which they may still withdraw while the round is open.</summary>
    public bool DeclaredByMe { get; private set; }
    public int Id { get; private set; }
    /// <summary>The nomination's library, named on the conflict page too (where the article is not shown).</summary>
    public string LibraryName { get; private set; } = "";
    public int CategoryId { get; private set; }
    /// <summary>The neighbours on the juror's desk (in its order, conflicts skipped), and how far the juror is.</summary>
    public DeskRow? Previous { get; private set; }
    public DeskRow? Next { get; private set; }
    public int Done { get; private set; }
    public int ToJudge { get; private set; }
    public bool Open { get; private set; }
    public bool IsScoreRound { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Where the juror's saved ballot stands: a draft (incomplete) is not counted.</summary>
    public DeskBallotState BallotState { get; private set; }

    /// <summary>A conflict proposed for the juror waits for the chair's decision: no ballot until then.</summary>
    public bool AwaitsDecision { get; private set; }

    /// <summary>
    /// The other jurors' weighted means, without names: only after the round closes, only where the statute's
    /// secrecy setting allows it, and only to a juror whose own ballot on the nomination is complete.
    /// </summary>
    public List<decimal>? OthersAfterClose { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        var ballot = await MyBallotAsync(id, cancellationToken);
        BallotState = BallotCompleteness.StateOf(ballot, Cycle.Criteria);
        if (ballot is not null && Article is not null)
            OthersAfterClose = await OthersAfterCloseAsync(ballot, cancellationToken);
        if (ballot is not null)
        {
            Input = new CastScoreBallotInput
            {
                NominationId = id,
                Version = ballot.Version,
                Scores = ballot.Scores.ToDictionary(s => s.CriterionId, s => s.Score),
                Abstained = ballot.Abstained,
                Comment = ballot.Comment,
                PrivateNotes = ballot.PrivateNotes,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return Page();
        Input.NominationId = id;
        var outcome = await castScoreBallot.RunAsync(User.UserId(), Input, enteredBy: null, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();
        Message = l["Your ballot was saved. You can change it until the round closes."];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        var nomination = await load.RunAsync(id, cancellationToken);
        if (nomination is null)
            return NotFound();
        if (await this.ForbidUnlessAsync(nomination, PanelOperations.JudgeNomination) is { } denied)
            return denied;
        var userId = User.UserId();
        Cycle = await JudgingRound.LoadCycleAsync(db, nomination.CycleId, cancellationToken);
        Conflicted = (await JuryMembership.ConflictedNominationsAsync(db, userId, Cycle.Id, cancellationToken)).Contains(id);
        CategoryId = nomination.CategoryId;
        LibraryName = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        if (await desk.RunAsync(userId, nomination.CycleId, nomination.CategoryId, cancellationToken) is { } mine)
        {
            Done = mine.Done;
            ToJudge = mine.ToJudge;
            var rows = mine.Rows.Where(r => !r.Conflicted || r.NominationId == id).ToList();
            var at = rows.FindIndex(r => r.NominationId == id);
            if (at >= 0)
            {
                Previous = at > 0 ? rows[at - 1] : null;
                Next = at < rows.Count - 1 ? rows[at + 1] : null;
            }
        }
        if (Conflicted)
        {
            DeclaredByMe = JudgingRules.AcceptsBallots(Cycle, Cycle.RoundNumber, clock.GetUtcNow())
                && await db.Conflicts.AnyAsync(c => c.JurorUserId == userId && c.NominationId == id && c.Source == ConflictSource.DeclaredByJuror,
                    cancellationToken);
            return null;
        }
        Article = await NominationArticles.LoadAsync(db, nomination, cancellationToken);
        AwaitsDecision = (await JuryMembership.UndecidedConflictNominationsAsync(db, userId, Cycle.Id, cancellationToken)).Contains(id);
        var round = Cycle.Rounds.Single(r => r.Number == Math.Max(1, Cycle.RoundNumber));
        IsScoreRound = round.Kind == BallotKind.Score;
        Open = IsScoreRound && JudgingRules.AcceptsBallots(Cycle, round.Number, clock.GetUtcNow());
        return null;
    }

    private async Task<List<decimal>?> OthersAfterCloseAsync(ScoreBallot mine, CancellationToken cancellationToken)
    {
        if (Cycle.Secrecy != ScoreSecrecy.VisibleToJuryAfterClose
            || !JudgingRules.RoundIsClosed(Cycle, Math.Max(1, Cycle.RoundNumber), clock.GetUtcNow())
            || !JudgingRules.IsComplete(mine, Cycle.Criteria)
            || !await CountedRounds.IsCountedAsync(db, mine.RoundId, null, cancellationToken))
            return null;
        var others = await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .Where(b => b.RoundId == mine.RoundId && b.NominationId == mine.NominationId && b.JurorUserId != mine.JurorUserId && !b.Abstained)
            .ToListAsync(cancellationToken);
        return others
            .Where(b => JudgingRules.IsComplete(b, Cycle.Criteria))
            .Select(b => Math.Round(ProgressRules.WeightedMean(b, Cycle.Criteria)!.Value, 2))
            .Order()
            .ToList();
    }

    private Task<ScoreBallot?> MyBallotAsync(int nominationId, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var roundId = Cycle.Rounds.Single(r => r.Number == Math.Max(1, Cycle.RoundNumber)).Id;
        return db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .SingleOrDefaultAsync(b => b.RoundId == roundId && b.NominationId == nominationId && b.JurorUserId == userId, cancellationToken);
    }
}
