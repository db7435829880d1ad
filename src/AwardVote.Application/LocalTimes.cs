using System.Globalization;

namespace AwardVote.Application;

/// <summary>
/// A moment as people write it in their language, in the cycle's zone: "2027. gada 6. janvārī plkst. 23.59" in Latvian,
/// "6 January 2027, 23:59" in English. The zone is not named: every cycle of the association is in Latvia, and a
/// librarian reads "(Europe/Riga)" as noise. Pages and mails both write times here (DisplayNames, MailTexts).
/// </summary>
public static class LocalTimes
{
    // The locative ("kad?"): "6. janvārī", as a date sits in a Latvian sentence.
    private static readonly string[] LatvianMonthsLocative =
    [
        "janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā",
        "jūlijā", "augustā", "septembrī", "oktobrī", "novembrī", "decembrī",
    ];

    public static string Moment(DateTimeOffset utc, string timeZone, string culture) =>
        Write(InZone(utc, timeZone), culture);

    /// <summary>
    /// The last minute in which one can still act before <paramref name="end"/>. Every end in AwardVote is exclusive
    /// (a phase ends when the next starts, a round accepts ballots while now &lt; its close, a link works while
    /// now &lt; its expiry), so a phase that ends at 7 January 00:00 is written "6 January, 23:59": the minute that
    /// holds the last instant before the end. An end at a full minute is thus shown one minute earlier; an end inside
    /// a minute (a link valid 14 days from 12:30:30) is shown as that minute, 12:30, in which one can still act.
    /// </summary>
    public static string Deadline(DateTimeOffset end, string timeZone, string culture) =>
        Write(InZone(end.AddTicks(-1), timeZone), culture);

    private static DateTimeOffset InZone(DateTimeOffset utc, string timeZone)
    {
        // A zone this machine does not know (a hand-edited cycle) still shows a time: UTC's.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(utc, zone);
    }

    private static string Write(DateTimeOffset local, string culture) =>
        culture.StartsWith(Languages.English, StringComparison.OrdinalIgnoreCase)
            ? local.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)
            : $"{local.Year}. gada {local.Day}. {LatvianMonthsLocative[local.Month - 1]} plkst. {local.Hour}.{local.Minute:00}";
}
