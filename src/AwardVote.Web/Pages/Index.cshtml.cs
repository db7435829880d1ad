using AwardVote.Application.Nominations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.PublicPages;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages;

/// <summary>
/// The public home page: the award, the cycles under way (with the way to nominate while nominations are open, and
/// the reader's next step on it) and the past laureates.
/// </summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(AppDbContext db, NextNominationStep nextStep, TimeProvider clock) : PageModel
{
    public string AssociationName { get; private set; } = "";
    public string? AssociationNameEn { get; private set; }
    public List<CycleSummary> Current { get; private set; } = [];
    public List<LaureateSummary> Laureates { get; private set; } = [];

    public sealed record CycleSummary(string Slug, string Title, string? TitleEn, string? Description, string? DescriptionEn,
        CyclePhase Phase, string TimeZone, CyclePhase? NextPhase, DateTimeOffset? NextStartsAt, bool VoteIsOpen = false,
        HowToNominate? HowToNominate = null);

    public sealed record LaureateSummary(int Year, string Slug, string LibraryName, string Citation, string? CitationEn);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var association = await db.Association.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        AssociationName = association?.Name ?? "";
        AssociationNameEn = association?.NameEn;

        var now = clock.GetUtcNow();
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.Phase != CyclePhase.Draft && c.Phase != CyclePhase.Archived)
            .Include(c => c.Schedule)
            .OrderByDescending(c => c.Year)
            .ToListAsync(cancellationToken);
        var userId = User.Identity?.IsAuthenticated == true ? User.UserId() : null;
        foreach (var c in cycles)
        {
            var next = PhasePlan.NextStep(c);
            HowToNominate? howTo = null;
            if (PhasePlan.AcceptsNominations(c, now))
                howTo = new HowToNominate(c.Slug, c.TimeZone, NextNominationStep.NominationsClose(c),
                    await nextStep.RunAsync(userId, c.Id, cancellationToken));
            Current.Add(new CycleSummary(c.Slug, c.Title, c.TitleEn, c.Description, c.DescriptionEn, c.Phase, c.TimeZone,
                next?.Phase, next?.StartsAt is { } at && at > now ? at : null, PeoplesChoiceRules.IsOpen(c.PeoplesChoice, c.Phase, now),
                howTo));
        }

        // Corrected publications give way to their published correction (one still being written does not count).
        Laureates = await (
                from publication in db.Publications.AsNoTracking()
                where publication.PublishedAt != null
                      && !db.Publications.Any(correction => correction.CorrectsPublicationId == publication.Id && correction.PublishedAt != null)
                join cycle in db.Cycles on publication.CycleId equals cycle.Id
                join nomination in db.Nominations on publication.LaureateNominationId equals nomination.Id
                join library in db.Libraries on nomination.LibraryId equals library.Id
                orderby cycle.Year descending
                select new LaureateSummary(cycle.Year, cycle.Slug, library.Name, publication.Citation, publication.CitationEn))
            .Take(10)
            .ToListAsync(cancellationToken);
    }
}
