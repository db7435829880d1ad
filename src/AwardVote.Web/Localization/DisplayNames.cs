using AwardVote.Domain.Cycles;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>Names of domain values as people read them, in the request's language.</summary>
public static class DisplayNames
{
    public static string Phase(CyclePhase phase, IStringLocalizer l) => phase switch
    {
        CyclePhase.Draft => l["Draft"],
        CyclePhase.NominationsOpen => l["Nominations open"],
        CyclePhase.EligibilityReview => l["Eligibility review"],
        CyclePhase.Judging => l["Judging"],
        CyclePhase.Shortlist => l["Shortlist"],
        CyclePhase.Counting => l["Counting"],
        CyclePhase.ResultsReview => l["Results review"],
        CyclePhase.Published => l["Published"],
        CyclePhase.Archived => l["Archived"],
        _ => phase.ToString(),
    };

    /// <summary>A UTC time shown in the cycle's zone (Europe/Riga by default), with the zone named.</summary>
    public static string LocalTime(DateTimeOffset utc, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return $"{local:yyyy-MM-dd HH:mm} ({timeZone})";
    }

    /// <summary>The Latvian text, or the English one when the page is in English and one exists.</summary>
    public static string Pick(string latvian, string? english) =>
        System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Cultures.English && !string.IsNullOrWhiteSpace(english)
            ? english
            : latvian;
}
