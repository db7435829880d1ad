using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using AwardVote.Web.Nominations;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// One nomination for one juror: the whole nomination to read and the juror's own score ballot beside it. A juror
/// with a conflict gets a plain page that says so, and nothing of the nomination or its scores.
/// </summary>
[Authorize]
public sealed class NominationModel(
    AppDbContext db,
    LoadNomination load,
    JuryMembership jury,
    BallotBox ballots,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public BallotInput Input { get; set; } = new();

    public NominationArticle? Article { get; private set; }
    public AwardCycle Cycle { get; private set; } = null!;
    public bool Conflicted { get; private set; }
    public bool Open { get; private set; }
    public bool IsScoreRound { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>
    /// The other jurors' weighted means, without names: only after the round closes, only where the statute's
    /// secrecy setting allows it, and only to a juror whose own ballot on the nomination is complete.
    /// </summary>
    public List<decimal>? OthersAfterClose { get; private set; }

    public sealed class BallotInput
    {
        public Guid? Version { get; set; }

        /// <summary>Criterion id → score; empty means "no entry".</summary>
        public Dictionary<int, int?> Scores { get; set; } = [];

        [Display(Name = "Abstain on this nomination")]
        public bool Abstained { get; set; }

        [StringLength(10_000, ErrorMessage = "The comment can be at most {1} characters long.")]
        [Display(Name = "Comment for the nominee")]
        public string? Comment { get; set; }

        [StringLength(10_000, ErrorMessage = "The notes can be at most {1} characters long.")]
        [Display(Name = "Private notes")]
        public string? PrivateNotes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        var ballot = await MyBallotAsync(id, cancellationToken);
        if (ballot is not null && Article is not null)
            OthersAfterClose = await OthersAfterCloseAsync(ballot, cancellationToken);
        if (ballot is not null)
        {
            Input = new BallotInput
            {
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
        var result = await ballots.CastScoreAsync(User.UserId(),
            new ScoreBallotInput(id, Input.Scores, Input.Abstained, Input.Comment, Input.PrivateNotes, Input.Version), cancellationToken: cancellationToken);
        if (result.Forbidden)
            return Forbid();
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            return Page();
        }
        Message = l["Your ballot was saved. You can change it until the round closes."];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var nomination = await load.RunAsync(id, cancellationToken);
        if (nomination is null)
            return NotFound();
        var userId = User.UserId();
        if (!await jury.IsJurorAsync(userId, nomination.CycleId, nomination.CategoryId) || !JudgingRules.IsJudged(nomination))
            return Forbid();
        Cycle = await ballots.LoadCycleAsync(nomination.CycleId, cancellationToken);
        if (Cycle.Phase < CyclePhase.Judging)
            return Forbid();
        Conflicted = (await jury.ConflictedNominationsAsync(userId, Cycle.Id)).Contains(id);
        if (Conflicted)
            return null;
        Article = await NominationArticles.LoadAsync(db, nomination, cancellationToken);
        var round = Cycle.Rounds.Single(r => r.Number == Math.Max(1, Cycle.RoundNumber));
        IsScoreRound = round.Kind == BallotKind.Score;
        Open = IsScoreRound && JudgingRules.AcceptsBallots(Cycle, round.Number, clock.GetUtcNow());
        return null;
    }

    private async Task<List<decimal>?> OthersAfterCloseAsync(ScoreBallot mine, CancellationToken cancellationToken)
    {
        if (Cycle.Secrecy != ScoreSecrecy.VisibleToJuryAfterClose
            || !JudgingRules.RoundIsClosed(Cycle, Math.Max(1, Cycle.RoundNumber), clock.GetUtcNow())
            || !JudgingRules.IsComplete(mine, Cycle.Criteria))
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
