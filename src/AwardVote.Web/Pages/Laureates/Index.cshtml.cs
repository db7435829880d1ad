using AwardVote.Application.Results;
using AwardVote.Web.PublicPages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace AwardVote.Web.Pages.Laureates;

/// <summary>The public archive of laureates, every year, newest first (a correction shows in place of what it corrects).</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
[AllowAnonymous]
public sealed class IndexModel(PublicResults results) : PageModel
{
    public IReadOnlyList<PublicResults.ArchiveEntry> Laureates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Laureates = await results.ArchiveAsync(cancellationToken);
}
