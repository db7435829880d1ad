using AwardVote.Application.Ballots;
using AwardVote.Application.Jury;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.PaperBallots;

/// <summary>
/// An administrator enters a juror's paper ballot on their behalf (<see cref="EnterPaperScoreBallot"/>, as the API
/// does). The same rules hold as for the juror (panel, conflicts, open round); the ballot is marked as a paper ballot
/// with who entered it, in the audit log and later the protocol. Refused, with the reason on the form, where the juror
/// has an electronic ballot.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, EnterPaperScoreBallot enterPaperBallot, IStringLocalizer<SharedResource> l) : PageModel
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
        if (Cycle is null || JurorId is null)
        {
            ModelState.AddModelError("", l["Choose a juror of this panel."]);
            return Page();
        }
        // The nomination must be one the panel the address names judges: a ballot is never entered for another
        // panel through this one's page (whether the juror sits on the panel, the use case says, as to the API).
        if (Nominations.All(n => n.Id != NominationId))
        {
            ModelState.AddModelError("", l["Choose a nomination this panel judges."]);
            return Page();
        }
        var input = new EnterPaperScoreBallotInput { JurorId = JurorId, NominationId = NominationId, Scores = Scores, Abstained = Abstained, Comment = Comment };
        var outcome = await enterPaperBallot.RunAsync(input, User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            // Every refusal is said on the form, a juror not on the panel too: the administrator corrects the choice.
            ModelState.AddRefusals(outcome, l, prefix: null);
            return Page();
        }
        Message = l["The paper ballot of {0} was entered.", Jurors.FirstOrDefault(j => j.Id == JurorId).Name ?? ""];
        return RedirectToPage(new { CycleId, CategoryId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.Id == CycleId, cancellationToken))
            Cycle = await JudgingRound.LoadCycleAsync(db, CycleId, cancellationToken);
        if (Cycle is null)
            return;
        var jurorIds = await JuryMembership.JurorsOfAsync(db, CycleId, CategoryId, cancellationToken);
        Jurors = (await db.Users.Where(u => jurorIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        Nominations = (await db.Nominations
                .Where(n => n.CycleId == CycleId && n.CategoryId == CategoryId && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name })
                .OrderBy(x => x.Name).ToListAsync(cancellationToken))
            .Select(x => (x.Id, x.Name)).ToList();
    }
}
