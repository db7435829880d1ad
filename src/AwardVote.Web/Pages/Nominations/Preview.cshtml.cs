using AwardVote.Application.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Nominations;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>The nomination as the jury reads it: rendered Markdown, numbers, partners, photos and letters.</summary>
[Authorize]
public sealed class PreviewModel(AppDbContext db, LoadNomination load, IAuthorizationService authorization) : PageModel
{
    public NominationArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.View)).Succeeded)
            return Forbid();
        Article = await NominationArticles.LoadAsync(db, nomination, cancellationToken);
        return Page();
    }
}
