using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Infrastructure.Auditing;

/// <summary>
/// Takes a person out of the audit log while keeping what happened and when: their account id, name and address
/// become their stable pseudonym (<see cref="Pseudonyms.Person"/>) wherever an entry holds them — as the actor, as
/// the entity, or inside the before/after record and the reason. The same person gets the same pseudonym in every
/// entry, so the log still shows that one person did these things. Changes are added to the caller's unit of work, so
/// they commit with the erasure or deletion they belong to; running it again finds nothing left to replace.
/// </summary>
public sealed class AuditPseudonymiser(AppDbContext db, Pseudonyms pseudonyms)
{
    /// <param name="userId">The account id.</param>
    /// <param name="personalTexts">What else names the person in entries: e-mail address, user name, display name.</param>
    /// <param name="ownTexts">
    /// What the person wrote that the entries about them copied (a ballot's comment, a conflict's reason): replaced by
    /// <see cref="Removed"/>, and only in the entries found by the person's id, name or address, so that a short or
    /// common text is never taken out of anybody else's entries.
    /// </param>
    /// <returns>How many entries changed.</returns>
    public async Task<int> PseudonymiseAsync(string userId, IEnumerable<string?> personalTexts, CancellationToken cancellationToken,
        IEnumerable<string?>? ownTexts = null)
    {
        var pseudonym = pseudonyms.Person(userId);
        // Longest first, so that an address is replaced before a name it contains. Short texts (a one-letter name)
        // would replace parts of unrelated words: a name is only searched for from three characters on.
        var texts = personalTexts.Append(userId)
            .Where(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length >= 3)
            .Select(t => t!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length)
            .ToList();
        // The before/after records are JSON, which writes letters such as "ē" as "\u0113": search for both spellings.
        var spellings = Spellings(texts);

        var query = db.AuditEntries.Where(e => e.ActorUserId == userId || e.EntityId.Contains(userId));
        foreach (var spelling in spellings)
            query = query.Union(db.AuditEntries.Where(e =>
                e.ActorName == spelling
                || (e.Before != null && e.Before.Contains(spelling))
                || (e.After != null && e.After.Contains(spelling))
                || (e.Reason != null && e.Reason.Contains(spelling))));
        var entries = await query.ToListAsync(cancellationToken);
        var own = Spellings((ownTexts ?? []).Where(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length >= 3)
            .Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Length));

        foreach (var entry in entries)
        {
            if (entry.ActorUserId == userId)
            {
                entry.ActorUserId = pseudonym;
                entry.ActorName = pseudonym;
            }
            if (spellings.Contains(entry.ActorName, StringComparer.OrdinalIgnoreCase))
                entry.ActorName = pseudonym;
            entry.EntityId = entry.EntityId.Replace(userId, pseudonym, StringComparison.Ordinal);
            entry.Before = Replace(Replace(entry.Before, own, Removed), spellings, pseudonym);
            entry.After = Replace(Replace(entry.After, own, Removed), spellings, pseudonym);
            entry.Reason = Replace(Replace(entry.Reason, own, Removed), spellings, pseudonym);
        }
        return entries.Count;
    }

    /// <summary>What stands where the person's own words were.</summary>
    public const string Removed = "—";

    private static List<string> Spellings(IEnumerable<string> texts) =>
        texts.SelectMany(t => new[] { t, JsonSerializer.Serialize(t)[1..^1] }).Distinct().ToList();

    private static string? Replace(string? text, IEnumerable<string> spellings, string pseudonym)
    {
        if (text is null)
            return null;
        foreach (var spelling in spellings)
            text = text.Replace(spelling, pseudonym, StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
