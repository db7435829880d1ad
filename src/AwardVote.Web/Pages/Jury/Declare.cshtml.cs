using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// A juror declares a conflict of interest with a nomination. The juror's own word needs no confirmation: it takes
/// effect at once, and any ballot the juror had cast on it is withdrawn (audited).
/// </summary>
[Authorize]
public sealed class DeclareModel(AppDbContext db, JuryMembership jury, BallotBox ballotBox, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Say what the conflict is.")]
    [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
    [Display(Name = "What is the conflict?")]
    public string? Reason { get; set; }

    public string LibraryName { get; private set; } = "";
    public int CycleId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return Page();
        var userId = User.UserId();
        var nomination = await db.Nominations.SingleAsync(n => n.Id == id, cancellationToken);
        // Declaring withdraws the juror's ballot: after the round closes that would change a closed count.
        var cycle = await ballotBox.LoadCycleAsync(nomination.CycleId, cancellationToken);
        if (!JudgingRules.AcceptsBallots(cycle, cycle.RoundNumber, clock.GetUtcNow()))
        {
            ModelState.AddModelError("", l["The round is closed: a conflict can no longer be declared here. Tell the chair."]);
            return Page();
        }
        if (await db.Conflicts.AnyAsync(c => c.JurorUserId == userId && c.NominationId == id && c.Source == ConflictSource.DeclaredByJuror, cancellationToken))
        {
            ModelState.AddModelError("", l["You have already declared a conflict with this nomination."]);
            return Page();
        }

        var now = clock.GetUtcNow();
        var conflict = new ConflictOfInterest
        {
            CycleId = nomination.CycleId,
            NominationId = id,
            JurorUserId = userId,
            Source = ConflictSource.DeclaredByJuror,
            Reason = Reason!.Trim(),
            Status = ConflictStatus.Confirmed,
            RaisedAt = now,
            DecidedAt = now,
            DecidedByUserId = userId,
        };
        db.Conflicts.Add(conflict);
        audit.Record("conflict.declared", "Nomination", id, after: new { conflict.JurorUserId, conflict.Reason }, reason: conflict.Reason, cycleId: nomination.CycleId);
        // A conflicted juror is left out of the nomination's count: their ballot goes.
        var ballots = await db.ScoreBallots.Where(b => b.NominationId == id && b.JurorUserId == userId).ToListAsync(cancellationToken);
        foreach (var ballot in ballots)
            audit.Record("ballot.withdrawn-for-conflict", "ScoreBallot", $"{ballot.RoundId}:{id}:{userId}", reason: conflict.Reason, cycleId: nomination.CycleId);
        db.ScoreBallots.RemoveRange(ballots);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", l["You have already declared a conflict with this nomination."]);
            return Page();
        }
        return RedirectToPage("./Index", new { cycleId = nomination.CycleId, categoryId = nomination.CategoryId });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
            return NotFound();
        if (!await jury.IsJurorAsync(User.UserId(), nomination.CycleId, nomination.CategoryId) || !JudgingRules.IsJudged(nomination))
            return Forbid();
        LibraryName = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        CycleId = nomination.CycleId;
        return null;
    }
}
