using AwardVote.Domain.Libraries;
using AwardVote.Application.Libraries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Admin.Libraries;

/// <summary>Every registered library for the administrator: those waiting for a decision first.</summary>
[Authorize(Policy = Security.Policies.Administrator)]
public sealed class IndexModel(ListLibraries list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public LibraryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public List<LibraryRow> Libraries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Libraries = await list.RunAsync(Status, Search, cancellationToken);
    }
}
