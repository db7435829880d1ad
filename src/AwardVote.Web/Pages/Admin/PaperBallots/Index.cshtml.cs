using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.PaperBallots;

/// <summary>
/// An administrator enters a juror's paper ballot on their behalf. The same rules hold as for the juror (panel,
/// conflicts, open round); the ballot is marked as a paper ballot with who entered it, in the audit log and later
/// the protocol.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, JuryMembership jury, BallotBox ballots, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CategoryId { get; set; }

    [BindProperty]
    public string? JurorId { get; set; }

    [BindProperty]
    public int NominationId { get; set; }

    [BindProperty]
    public Dictionary<int, int?> Scores { get; set; } = [];

    [BindProperty]
    public bool Abstained { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public AwardCycle? Cycle { get; private set; }
    public List<(string Id, string Name)> Jurors { get; private set; } = [];
    public List<(int Id, string Name)> Nominations { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Cycle is null || JurorId is null || Jurors.All(j => j.Id != JurorId))
        {
            ModelState.AddModelError("", l["Choose a juror of this panel."]);
            return Page();
        }
        var result = await ballots.CastScoreAsync(JurorId, new ScoreBallotInput(NominationId, Scores, Abstained, Comment, null, null),
            enteredBy: User.UserId(), cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error ?? l["This juror cannot vote on this nomination."]);
            return Page();
        }
        Message = l["The paper ballot of {0} was entered.", Jurors.Single(j => j.Id == JurorId).Name];
        return RedirectToPage(new { CycleId, CategoryId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.Id == CycleId, cancellationToken))
            Cycle = await ballots.LoadCycleAsync(CycleId, cancellationToken);
        if (Cycle is null)
            return;
        var jurorIds = await jury.JurorsOfAsync(CycleId, CategoryId);
        Jurors = (await db.Users.Where(u => jurorIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        Nominations = (await db.Nominations
                .Where(n => n.CycleId == CycleId && n.CategoryId == CategoryId && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name })
                .OrderBy(x => x.Name).ToListAsync(cancellationToken))
            .Select(x => (x.Id, x.Name)).ToList();
    }
}
