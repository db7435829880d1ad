using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Privacy;

/// <summary>
/// The name to show for each user id a record keeps: the account's name, or — once the account is erased (a counted
/// ballot, a conflict declaration and a casting vote keep the id, which then names nobody) — the person's pseudonym,
/// the same one the audit log uses, so a page never shows an empty name or a raw id. Pages say a pseudonym in words
/// (Web's <c>PersonWords</c>).
/// </summary>
public static class PeopleNames
{
    public static async Task<Dictionary<string, string>> ForAsync(AppDbContext db, Pseudonyms pseudonyms, IEnumerable<string?> userIds,
        CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return ids.ToDictionary(id => id, id => names.TryGetValue(id, out var name) ? name : pseudonyms.Person(id), StringComparer.Ordinal);
    }
}
