using AwardVote.Application;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>
/// The words for every <see cref="RefusalCode"/>, in the request's language: the one place a use case's "no" becomes
/// a sentence, for the pages and the API alike. A code without words throws, and a unit test asks for every code.
/// </summary>
public static class RefusalText
{
    public static string Describe(Refusal refusal, IStringLocalizer l)
    {
        var a = refusal.Args.Select(Format).ToArray();
        return refusal.Code switch
        {
            RefusalCode.NotFound => l["There is nothing at this address."],
            RefusalCode.Forbidden => l["Your account may not do this."],
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal.Code, "RefusalText has no words for this code."),
        };
    }

    private static object Format(object value) => value switch
    {
        ZonedTime time => DisplayNames.LocalTime(time.At, time.TimeZone),
        decimal number => DisplayNames.Number(number),
        _ => value,
    };
}
