using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Libraries;

/// <summary>The libraries the signed-in person represents, with where their registration stands.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<LibraryRow> Libraries { get; private set; } = [];

    /// <summary>Set after a registration or an accepted invitation, to confirm it on the page.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Registered { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Joined { get; set; }

    public sealed record LibraryRow(int Id, string Name, string Region, string? Municipality, LibraryStatus Status,
        string? RefusalReason, DateTimeOffset RegisteredAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Libraries = await MineAsync(db, User.UserId(), cancellationToken);
    }

    /// <summary>Also the answer of GET /api/libraries/mine.</summary>
    public static Task<List<LibraryRow>> MineAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        (from grant in db.RoleGrants
         where grant.UserId == userId && grant.Role == ScopedRole.LibraryRepresentative
         join library in db.Libraries on grant.LibraryId equals library.Id
         orderby library.Name
         select new LibraryRow(library.Id, library.Name, library.Region, library.Municipality, library.Status,
             library.RefusalReason, library.RegisteredAt))
        .AsNoTracking()
        .ToListAsync(cancellationToken);
}
