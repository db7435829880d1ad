using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Libraries;

/// <summary>Every registered library for the administrator: those waiting for a decision first.</summary>
[Authorize(Policy = Security.Policies.Administrator)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public LibraryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public List<LibraryRow> Libraries { get; private set; } = [];

    public sealed record LibraryRow(int Id, string Name, string Region, string? Municipality, LibraryType Type,
        string RegistrationNumber, LibraryStatus Status, DateTimeOffset RegisteredAt);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Libraries = await ListAsync(db, Status, Search, cancellationToken);
    }

    /// <summary>Also the answer of GET /api/admin/libraries.</summary>
    public static Task<List<LibraryRow>> ListAsync(AppDbContext db, LibraryStatus? status, string? search,
        CancellationToken cancellationToken)
    {
        var query = db.Libraries.AsNoTracking();
        if (status is { } wanted)
            query = query.Where(l => l.Status == wanted);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lower-cased on both sides: PostgreSQL compares case-sensitively, SQLite does not.
            var text = search.Trim().ToLower();
            query = query.Where(l => l.Name.ToLower().Contains(text) || l.RegistrationNumber.ToLower().Contains(text));
        }
        return query
            .OrderBy(l => l.Status == LibraryStatus.PendingApproval ? 0 : 1)
            .ThenBy(l => l.Name)
            .Select(l => new LibraryRow(l.Id, l.Name, l.Region, l.Municipality, l.Type, l.RegistrationNumber, l.Status, l.RegisteredAt))
            .ToListAsync(cancellationToken);
    }
}
