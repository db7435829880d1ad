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

    /// <summary>A UTC time shown in the cycle's zone (Europe/Riga by default), with the zone named.</summary>
    public static string LocalTime(DateTimeOffset utc, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return $"{local:yyyy-MM-dd HH:mm} ({timeZone})";
    }
}
