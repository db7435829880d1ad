using System.Globalization;

namespace AwardVote.Application;

/// <summary>Latvian first, English second: the two languages a person, and each of their mails, can have.</summary>
public static class Languages
{
    public const string Latvian = "lv";
    public const string English = "en";

    /// <summary>The language the current request (or job) speaks; Latvian when it is neither.</summary>
    public static string Current() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : Latvian;
}
