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
        Pick(latvian, english, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The text for one person's language (a mail), whatever the page's language is.</summary>
    public static string Pick(string latvian, string? english, string culture) =>
        culture == Cultures.English && !string.IsNullOrWhiteSpace(english) ? english : latvian;

    public static string NominationStatus(Domain.Nominations.NominationStatus status, IStringLocalizer l) => status switch
    {
        Domain.Nominations.NominationStatus.Draft => l["Draft"],
        Domain.Nominations.NominationStatus.AwaitingNomineeConfirmation => l["Waiting for the nominee's confirmation"],
        Domain.Nominations.NominationStatus.Submitted => l["Submitted"],
        Domain.Nominations.NominationStatus.Withdrawn => l["Withdrawn"],
        _ => status.ToString(),
    };

    public static string Eligibility(Domain.Nominations.EligibilityDecision decision, IStringLocalizer l) => decision switch
    {
        Domain.Nominations.EligibilityDecision.NotReviewed => l["Not screened yet"],
        Domain.Nominations.EligibilityDecision.Eligible => l["Eligible"],
        Domain.Nominations.EligibilityDecision.Ineligible => l["Not eligible"],
        _ => decision.ToString(),
    };

    public static string Statistic(Domain.Nominations.StatisticKind kind, IStringLocalizer l) => kind switch
    {
        Domain.Nominations.StatisticKind.RegisteredUsers => l["Registered users"],
        Domain.Nominations.StatisticKind.Visits => l["Visits"],
        Domain.Nominations.StatisticKind.Events => l["Events"],
        Domain.Nominations.StatisticKind.Loans => l["Loans"],
        Domain.Nominations.StatisticKind.Other => l["Other"],
        _ => kind.ToString(),
    };
}
