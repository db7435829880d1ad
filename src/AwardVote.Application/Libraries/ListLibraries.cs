using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Libraries;

public sealed record LibraryRow(int Id, string Name, string Region, string? Municipality, LibraryType Type,
    string RegistrationNumber, LibraryStatus Status, DateTimeOffset RegisteredAt);

/// <summary>Every registered library for the administrator, those waiting for a decision first (page and API).</summary>
public sealed class ListLibraries(AppDbContext db) : IUseCase
{
    public Task<List<LibraryRow>> RunAsync(LibraryStatus? status, string? search, CancellationToken cancellationToken)
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
