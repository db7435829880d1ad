using AwardVote.Application.Cycles;
using AwardVote.Application.Nominations;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.PeoplesChoice;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.PublicPages;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Cycles;

/// <summary>
/// A cycle's public page: its statute, schedule and — once nominations have closed, when the statute says so —
/// its nominees. Drafts are nobody's business but the association's.
/// </summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
[AllowAnonymous]
public sealed class DetailsModel(AppDbContext db, PublicVote vote, NextNominationStep nextStep, TimeProvider clock) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;
    public PhaseStep? Current { get; private set; }
    public List<Nominee> Nominees { get; private set; } = [];
    public bool ShowsNominees { get; private set; }
    /// <summary>The people's-choice vote's state and, where the statute lets the public see it, its count.</summary>
    public PublicVote.ResultsView? PeoplesChoice { get; private set; }
    /// <summary>While nominations are open: the way to nominate and the reader's next step on it.</summary>
    public HowToNominate? HowToNominate { get; private set; }
    /// <summary>When each reached step really began (a move by hand changes it), by sequence.</summary>
    public Dictionary<int, DateTimeOffset> Actual { get; private set; } = [];

    public sealed record Nominee(int CategoryId, string LibraryName, string? PublicSummary);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var cycle = await StatuteEditor.WithStatute(db.Cycles.AsNoTracking())
            .SingleOrDefaultAsync(c => c.Slug == slug && c.Phase != CyclePhase.Draft, cancellationToken);
        if (cycle is null)
            return NotFound();
        Cycle = cycle;
        Current = PhasePlan.CurrentStep(cycle);
        Actual = await ActualSchedule.StartsAsync(db, cycle, cancellationToken);
        ShowsNominees = NomineesArePublic(cycle);
        if (PhasePlan.AcceptsNominations(cycle, clock.GetUtcNow()))
        {
            var userId = User.Identity?.IsAuthenticated == true ? User.UserId() : null;
            HowToNominate = new HowToNominate(cycle.Slug, cycle.TimeZone, NextNominationStep.NominationsClose(cycle),
                await nextStep.RunAsync(userId, cycle.Id, cancellationToken));
        }
        if (await vote.FindAsync(slug, cancellationToken) is { } voteCycle)
            PeoplesChoice = await vote.ResultsAsync(voteCycle, cancellationToken);
        if (ShowsNominees)
        {
            Nominees = await (
                    from nomination in db.Nominations.AsNoTracking()
                    where nomination.CycleId == cycle.Id
                          && nomination.Status == NominationStatus.Submitted
                          && nomination.WithdrawnAt == null
                          && nomination.Eligibility != EligibilityDecision.Ineligible
                    join library in db.Libraries on nomination.LibraryId equals library.Id
                    orderby library.Name
                    select new Nominee(nomination.CategoryId, library.Name, nomination.PublicSummary))
                .ToListAsync(cancellationToken);
        }
        return Page();
    }

    /// <summary>Only after nominations close (a library may still withdraw before), and only if the statute says so.</summary>
    public static bool NomineesArePublic(AwardCycle cycle) =>
        cycle.NomineesPublicAfterNominationsClose && cycle.Phase > CyclePhase.NominationsOpen;
}
