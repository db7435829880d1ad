namespace AwardVote.Application;

/// <summary>
/// Values a use case puts into a mail for one person, whatever language the request that caused it speaks: a
/// name in the recipient's language, a time in the cycle's zone. (Web's DisplayNames shows the same on pages.)
/// </summary>
public static class MailTexts
{
    /// <summary>The English text for an English reader when there is one, else the Latvian.</summary>
    public static string Pick(string latvian, string? english, string culture) =>
        culture == Languages.English && !string.IsNullOrWhiteSpace(english) ? english : latvian;

    /// <summary>A moment in the cycle's zone, written in the recipient's language (see <see cref="LocalTimes"/>).</summary>
    public static string LocalTime(DateTimeOffset utc, string timeZone, string culture) => LocalTimes.Moment(utc, timeZone, culture);

    /// <summary>A moment in the cycle's zone in the current language: for a page, or a mail rendered in its reader's.</summary>
    public static string LocalTime(DateTimeOffset utc, string timeZone) => LocalTimes.Moment(utc, timeZone, Languages.Current());

    /// <summary>The last minute one can act before an exclusive end, in the recipient's language (see <see cref="LocalTimes.Deadline"/>).</summary>
    public static string Deadline(DateTimeOffset end, string timeZone, string culture) => LocalTimes.Deadline(end, timeZone, culture);
}
