using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Nominations;
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
    public Nomination Nomination { get; private set; } = null!;
    public AwardCycle Cycle { get; private set; } = null!;
    public string LibraryName { get; private set; } = "";
    public string CategoryName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.View)).Succeeded)
            return Forbid();
        Nomination = nomination;
        Cycle = await editor.CycleAsync(nomination.CycleId, cancellationToken);
        LibraryName = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        var category = Cycle.Categories.Single(c => c.Id == nomination.CategoryId);
        CategoryName = AwardVote.Web.Localization.DisplayNames.Pick(category.Name, category.NameEn);
        return Page();
    }
}
