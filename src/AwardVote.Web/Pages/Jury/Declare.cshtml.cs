using AwardVote.Domain.Libraries;
using AwardVote.Application.Ballots;
using AwardVote.Application.Jury;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// A juror declares a conflict of interest with a nomination (<see cref="DeclareConflict"/>), or withdraws their
/// own declaration made by mistake (<see cref="WithdrawConflict"/>), as the API does.
/// </summary>
public sealed class DeclareModel(AppDbContext db, DeclareConflict declare, WithdrawConflict withdraw, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public DeclareConflictInput Input { get; set; } = new();

    public LibraryName LibraryName { get; private set; } = new("", "", "", "", "");
    public int Id { get; private set; }
    public int CycleId { get; private set; }
    public int CategoryId { get; private set; }
    /// <summary>The juror's own declaration on this nomination, if they made one.</summary>
    public ConflictOfInterest? Declared { get; private set; }
    /// <summary>The round takes ballots, so a declaration can still be made or withdrawn here.</summary>
    public bool Open { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return Page();
        var outcome = await declare.RunAsync(User.UserId(), id, Input, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();
        // Shown on the desk, which the redirect opens.
        TempData[nameof(IndexModel.Message)] = l["The conflict of interest is declared: you do not judge this nomination. If you declared it by mistake, you can withdraw your declaration while the round is open."].Value;
        return RedirectToPage("./Index", new { cycleId = CycleId, categoryId = CategoryId });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        var outcome = await withdraw.RunAsync(User.UserId(), id, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();
        Message = l["The declaration is withdrawn: you judge this nomination again."];
        return RedirectToPage("./Nomination", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
            return NotFound();
        if (await this.ForbidUnlessAsync(nomination, PanelOperations.JudgeNomination) is { } denied)
            return denied;
        Id = id;
        LibraryName = LibraryName.Of(await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken));
        CycleId = nomination.CycleId;
        CategoryId = nomination.CategoryId;
        var userId = User.UserId();
        Declared = await db.Conflicts.AsNoTracking().SingleOrDefaultAsync(c =>
            c.JurorUserId == userId && c.NominationId == id && c.Source == ConflictSource.DeclaredByJuror, cancellationToken);
        var cycle = await JudgingRound.LoadCycleAsync(db, nomination.CycleId, cancellationToken);
        Open = JudgingRules.AcceptsBallots(cycle, cycle.RoundNumber, clock.GetUtcNow());
        return null;
    }
}
