using AwardVote.Application.Results;
using AwardVote.Web.PublicPages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace AwardVote.Web.Pages.Cycles;

/// <summary>
/// A cycle's public announcement: each category's laureate with the jury's citation, the shortlist and the photos
/// the libraries released. Before publication it says only that the results are not announced yet; drafts are 404.
/// </summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
[AllowAnonymous]
public sealed class ResultsModel(PublicResults results) : PageModel
{
    public PublicResults.CycleResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await results.ForCycleAsync(slug, cancellationToken) is not { } found)
            return NotFound();
        Results = found;
        return Page();
    }
}
