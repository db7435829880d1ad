using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Nominations;

/// <summary>The pieces of the nomination article (the library's preview and the juror's page show the same).</summary>
public static class NominationArticles
{
    public static async Task<NominationArticle> LoadAsync(AppDbContext db, Nomination nomination, CancellationToken cancellationToken)
    {
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        var library = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        var category = cycle.Categories.Single(c => c.Id == nomination.CategoryId);
        return new NominationArticle(nomination, cycle, library, DisplayNames.Pick(category.Name, category.NameEn));
    }
}
