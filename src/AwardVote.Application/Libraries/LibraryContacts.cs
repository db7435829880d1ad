using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Libraries;

public sealed record Contact(string UserId, string Email, string Name, string Culture);

public static class LibraryContacts
{
    /// <summary>Everyone who represents the library: each gets the library's mail in their own language.</summary>
    public static Task<List<Contact>> RepresentativesAsync(AppDbContext db, int libraryId, CancellationToken cancellationToken = default) =>
        db.RoleGrants
            .Where(g => g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == libraryId)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new Contact(u.Id, u.Email!, u.DisplayName, u.PreferredCulture))
            .ToListAsync(cancellationToken);
}
