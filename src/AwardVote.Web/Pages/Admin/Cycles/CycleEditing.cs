using System.Globalization;
using AwardVote.Application;
using AwardVote.Application.Cycles;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>
/// What the cycle editing pages share: the cycle as they show it, the form's version after a refused save, and the
/// way a form writes times (in the cycle's zone) and decimals (with a comma or a point).
/// </summary>
public static class CycleEditing
{
    /// <summary>The cycle with its whole statute, for showing (the use cases load their own to change).</summary>
    public static Task<AwardCycle?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// After a save refused because the cycle changed meanwhile (or was locked), the form carries the version saved now,
    /// so that saving again is a deliberate second decision; after any other refusal it keeps the version it read.
    /// </summary>
    public static async Task KeepVersionAsync(PageModel page, AppDbContext db, Outcome outcome, int id, string key, Action<Guid> set,
        CancellationToken cancellationToken)
    {
        if (!outcome.Is(RefusalCode.CycleChangedMeanwhile) && !outcome.Is(RefusalCode.StatuteLocked))
            return;
        page.ModelState.Remove(key);
        if (await db.Cycles.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.Version).SingleOrDefaultAsync(cancellationToken) is { } version)
            set(version);
    }

    /// <summary>
    /// A time typed in the cycle's zone, in UTC. False for a time the zone skips (the hour clocks jump forward), which
    /// would otherwise be silently moved.
    /// </summary>
    public static bool TryToUtc(DateTime? local, string timeZone, out DateTimeOffset? utc)
    {
        utc = null;
        if (local is not { } value)
            return true;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var unspecified = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
            return false;
        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
        return true;
    }

    public static DateTime? ToLocal(DateTimeOffset? utc, string timeZone) =>
        utc is { } value ? TimeZoneInfo.ConvertTime(value, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime : null;

    /// <summary>Decimals typed with a comma (Latvian) or a point.</summary>
    public static bool TryParseDecimal(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            return false;
        value = parsed;
        return true;
    }

    public static string FormatDecimal(decimal? value) =>
        value?.ToString("0.####", CultureInfo.CurrentCulture) ?? "";
}
