using AwardVote.Application.Cycles;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>
/// One cycle for the administrator: what is left to set up, the parts of the statute, moving its phase by hand
/// (<see cref="MovePhase"/>, as POST /api/admin/cycles/{id}/phase) and, after a judging round, repeating it
/// (<see cref="RepeatRound"/>, as POST /api/admin/cycles/{id}/repeat-round): the one way back into a closed round.
/// A readiness checklist says what is still missing for the year to run, each item linking to where it is fixed, and a
/// move by hand names its step and says what it will do before it is done (issue 16, item 9).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DetailsModel(AppDbContext db, MovePhase move, RepeatRound repeat, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>One line of the readiness checklist.</summary>
    public sealed record ReadinessItem(string Key, bool Done, string Text, string Link);

    public List<ReadinessItem> Readiness { get; private set; } = [];
    /// <summary>What moving forward will do, in words.</summary>
    public List<string> ForwardEffects { get; private set; } = [];

    public AwardCycle Cycle { get; private set; } = null!;
    public IReadOnlyList<StatuteProblem> Problems { get; private set; } = [];
    public PhaseStep? Current { get; private set; }
    public PhaseStep? Next { get; private set; }
    public PhaseStep? Previous { get; private set; }

    [BindProperty]
    public MovePhaseInput Move { get; set; } = new();

    /// <summary>
    /// The repeat's reason; its close is <see cref="RepeatClosesAt"/>, in the cycle's time zone. Bound by its own
    /// handler only, so that neither form's rules refuse the other's post.
    /// </summary>
    public RepeatRoundInput Repeat { get; set; } = new();

    public DateTime? RepeatClosesAt { get; set; }

    /// <summary>A judging round lies behind the cycle and nothing is published: it may be repeated.</summary>
    public bool CanRepeatRound => Cycle.Phase is CyclePhase.Shortlist or CyclePhase.Counting or CyclePhase.ResultsReview;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Move.Version = Cycle.Version;
        Repeat.Version = Cycle.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Refresh();
        var outcome = await move.RunAsync(id, Move, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, nameof(Move)) ?? Refresh();
        TempData["Saved"] = l["The cycle moved to {0}.", Localization.DisplayNames.Phase(outcome.Value!.Phase, l)].Value;
        return Redirect($"/Admin/Cycles/{id}");
    }

    public async Task<IActionResult> OnPostRepeatAsync(int id, DateTime? repeatClosesAt, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        await TryUpdateModelAsync(Repeat, nameof(Repeat));
        // The use case checks the input, as it does for the API: one set of refusals, not the binder's and its own.
        ModelState.Clear();
        RepeatClosesAt = repeatClosesAt;
        Repeat.ClosesAt = repeatClosesAt is not null && CycleEditing.TryToUtc(repeatClosesAt, Cycle.TimeZone, out var utc) ? utc : null;
        var outcome = await repeat.RunAsync(id, Repeat, cancellationToken);
        if (!outcome.Succeeded)
        {
            Move.Version = Cycle.Version;
            return this.Refused(outcome, nameof(Repeat)) ?? Page();
        }
        TempData["Saved"] = l["The round is open again; every juror was told why by e-mail."].Value;
        return Redirect($"/Admin/Cycles/{id}");
    }

    private PageResult Refresh()
    {
        // A refused form shows the current version, so moving again is a deliberate second decision.
        ModelState.Remove($"{nameof(Move)}.{nameof(MovePhaseInput.Version)}");
        Move.Version = Cycle.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return false;
        Cycle = cycle;
        Problems = StatuteRules.Validate(cycle);
        Current = PhasePlan.CurrentStep(cycle);
        Next = PhasePlan.NextStep(cycle);
        Previous = Current is null ? null : cycle.Schedule.Where(s => s.Sequence < Current.Sequence).MaxBy(s => s.Sequence);
        await LoadReadinessAsync(cycle, cancellationToken);
        await LoadForwardEffectsAsync(cycle, cancellationToken);
        return true;
    }

    private async Task LoadReadinessAsync(AwardCycle cycle, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The clock moves the cycle only through steps with a start: up to counting, each needs one.
        var unscheduled = cycle.Schedule.Count(s => s.Phase is >= CyclePhase.NominationsOpen and <= CyclePhase.Counting && s.StartsAt is null);
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.CycleId == cycle.Id && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Select(g => new { g.CategoryId, g.Role, g.UserId })
            .ToListAsync(cancellationToken);
        var open = await db.Invitations.AsNoTracking()
            .CountAsync(i => i.CycleId == cycle.Id && i.AcceptedAt == null && i.DeclinedAt == null && i.ExpiresAt > now, cancellationToken);
        var jurors = grants.Where(g => g.Role == ScopedRole.Juror).Select(g => g.UserId).Distinct().Count();
        var categories = cycle.Categories.OrderBy(c => c.Order).ToList();
        var withoutJury = categories.Where(c => !grants.Any(g => g.CategoryId == c.Id && g.Role == ScopedRole.Juror)).ToList();
        var withoutChair = categories.Where(c => !grants.Any(g => g.CategoryId == c.Id && g.Role == ScopedRole.Chair)).ToList();
        var needsCriteria = cycle.Rounds.Any(r => r.Kind == BallotKind.Score);
        string Names(List<Category> list) => string.Join(", ", list.Select(c => Localization.DisplayNames.Pick(c.Name, c.NameEn)));
        var jury = $"/Admin/Jury?cycleId={cycle.Id}";
        Readiness =
        [
            new("schedule", unscheduled == 0, unscheduled == 0
                ? l["The schedule is set."]
                : l["The schedule misses {0} start times.", unscheduled], $"/Admin/Cycles/{cycle.Id}/Schedule"),
            new("jury", withoutJury.Count == 0, withoutJury.Count == 0
                ? l["The jury: {0} jurors accepted, {1} invitations open.", jurors, open]
                : l["No juror has accepted yet in: {0} ({1} invitations open).", Names(withoutJury), open], jury),
            new("chair", withoutChair.Count == 0, withoutChair.Count == 0
                ? l["Every category has a chair of the jury."]
                : l["No chair of the jury in: {0}.", Names(withoutChair)], jury),
            new("criteria", !needsCriteria || cycle.Criteria.Count > 0, !needsCriteria || cycle.Criteria.Count > 0
                ? l["The criteria are defined ({0}).", cycle.Criteria.Count]
                : l["No criteria yet: the score rounds need them."], $"/Admin/Cycles/{cycle.Id}/Criteria"),
        ];
    }

    private async Task LoadForwardEffectsAsync(AwardCycle cycle, CancellationToken cancellationToken)
    {
        if (Current is not { } current || Next is not { } next)
            return;
        if (next.Phase == CyclePhase.NominationsOpen && !cycle.StatuteIsLocked)
            ForwardEffects.Add(l["Nominations open, and the statute is locked: it can no longer change."]);
        if (current.Phase <= CyclePhase.NominationsOpen && next.Phase > CyclePhase.NominationsOpen)
        {
            var unsubmitted = await db.Nominations.CountAsync(n => n.CycleId == cycle.Id
                && (n.Status == NominationStatus.Draft || n.Status == NominationStatus.AwaitingNomineeConfirmation), cancellationToken);
            ForwardEffects.Add(l["Nominations close: every nomination is frozen, drafts included."]);
            ForwardEffects.Add(l["{0} nominations are not submitted and will not reach the jury.", unsubmitted]);
        }
        if (current.Phase == CyclePhase.Judging)
            ForwardEffects.Add(l["Round {0} of judging closes: ballots can no longer change.", current.RoundNumber]);
        if (next.Phase == CyclePhase.Judging)
        {
            var jurors = await db.RoleGrants.Where(g => g.CycleId == cycle.Id && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
                .Select(g => g.UserId).Distinct().CountAsync(cancellationToken);
            ForwardEffects.Add(l["Round {0} of judging opens: each of the {1} jurors is told by e-mail.", next.RoundNumber, jurors]);
        }
    }
}
