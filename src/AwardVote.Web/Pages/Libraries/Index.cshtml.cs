using AwardVote.Application.Libraries;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Libraries;

/// <summary>The libraries the signed-in person represents, with where their registration stands.</summary>
[Authorize]
public sealed class IndexModel(MyLibraries mine) : PageModel
{
    public List<MyLibraryRow> Libraries { get; private set; } = [];

    /// <summary>Set after a registration or an accepted invitation, to confirm it on the page.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Registered { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Joined { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Libraries = await mine.RunAsync(User.UserId(), cancellationToken);
    }
}
