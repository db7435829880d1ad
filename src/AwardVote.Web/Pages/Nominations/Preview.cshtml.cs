using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Nominations;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>The nomination as the jury reads it: rendered Markdown, numbers, partners, photos and letters.</summary>
[Authorize]
public sealed class PreviewModel(AppDbContext db, NominationEditor editor, IAuthorizationService authorization) : PageModel
{
    public NominationArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.View)).Succeeded)
            return Forbid();
        Article = await LoadArticleAsync(db, editor, nomination, cancellationToken);
        return Page();
    }

    /// <summary>The pieces of the article, shared with the juror's page.</summary>
    public static async Task<NominationArticle> LoadArticleAsync(AppDbContext db, NominationEditor editor, Nomination nomination,
        CancellationToken cancellationToken)
    {
        var cycle = await editor.CycleAsync(nomination.CycleId, cancellationToken);
        var library = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        var category = cycle.Categories.Single(c => c.Id == nomination.CategoryId);
        return new NominationArticle(nomination, cycle, library, AwardVote.Web.Localization.DisplayNames.Pick(category.Name, category.NameEn));
    }
}
