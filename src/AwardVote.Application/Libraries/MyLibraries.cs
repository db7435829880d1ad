using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Libraries;

public sealed record MyLibraryRow(int Id, string Name, string Region, string? Municipality, LibraryStatus Status,
    string? RefusalReason, DateTimeOffset RegisteredAt);

/// <summary>The libraries a person represents, with where their registration stands (page and API).</summary>
public sealed class MyLibraries(AppDbContext db) : IUseCase
{
    public Task<List<MyLibraryRow>> RunAsync(string userId, CancellationToken cancellationToken) =>
        (from grant in db.RoleGrants
         where grant.UserId == userId && grant.Role == ScopedRole.LibraryRepresentative
         join library in db.Libraries on grant.LibraryId equals library.Id
         orderby library.Name
         select new MyLibraryRow(library.Id, library.Name, library.Region, library.Municipality, library.Status,
             library.RefusalReason, library.RegisteredAt))
        .AsNoTracking()
        .ToListAsync(cancellationToken);
}
