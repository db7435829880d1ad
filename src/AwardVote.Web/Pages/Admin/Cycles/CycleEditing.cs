using System.Globalization;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>What the cycle editing pages share: messages for refused saves, statute problems, local times.</summary>
public static class CycleEditing
{
    public static string LockedMessage(IStringLocalizer l) =>
        l["The statute is locked: nominations have opened, so it can no longer change. Nothing was saved."];

    public static string StaleMessage(IStringLocalizer l) =>
        l["Someone else changed this cycle while you were editing. Nothing was saved; your values are still in the form: check them and save again."];

    /// <summary>Adds the problems of <paramref name="sections"/> to the form; true when there were none.</summary>
    public static bool AddProblems(ModelStateDictionary modelState, IEnumerable<StatuteProblem> problems,
        IStringLocalizer l, params StatuteSection[] sections)
    {
        var found = false;
        foreach (var problem in problems.Where(p => sections.Contains(p.Section)))
        {
            modelState.AddModelError("", DisplayNames.StatuteProblem(problem, l));
            found = true;
        }
        return !found;
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

    /// <summary>The message for a refused save, or null when it was saved.</summary>
    public static string? Refusal(StatuteSaveOutcome outcome, IStringLocalizer l) => outcome switch
    {
        StatuteSaveOutcome.Locked => LockedMessage(l),
        StatuteSaveOutcome.Stale => StaleMessage(l),
        _ => null,
    };
}
