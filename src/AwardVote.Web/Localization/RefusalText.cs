using System.Globalization;
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
            RefusalCode.InputNotValid when refusal.Args.FirstOrDefault() is InputMessage message =>
                string.Format(CultureInfo.CurrentCulture, l[message.Template].Value, [l[message.DisplayName].Value, .. refusal.Args.Skip(1)]),
            RefusalCode.InputNotValid => l["The value is not valid."],
            RefusalCode.NotFound => l["There is nothing at this address."],
            RefusalCode.Forbidden => l["Your account may not do this."],

            // Libraries
            RefusalCode.RegionNotInList => l["Choose a region from the list."],
            RefusalCode.LibraryTypeNotInList => l["Choose a type from the list."],
            RefusalCode.WebsiteNotValid => l["Enter a valid web address, for example https://biblioteka.lv."],
            RefusalCode.RegistrationNumberTaken => l["A library with this registration number is already registered. If it is your library, ask its representative to invite you."],
            RefusalCode.LibraryRefusalReasonMissing => l["Write the reason for the refusal: the library's representatives will read it."],
            RefusalCode.LibraryRefusalReasonTooLong => l["The reason is too long."],
            RefusalCode.LibraryDecisionNotPossible => l["This decision is not possible in the library's present status. The page shows the status now."],
            RefusalCode.AlreadyRepresentsLibrary => l["This person already represents the library."],

            // Cycles and statute

            // Nominations, attachments, letters of support, eligibility

            // Jury: invitations, conflicts of interest

            // Ballots

            // Counting, ties, results and publication

            // People's choice

            // Mail
            RefusalCode.MailNotFailed => l["Only a failed message can be sent again; this one is already queued or sent."],

            // Accounts
            RefusalCode.LanguageNotOffered => l["Choose Latvian or English."],
            // Identity's own error describer (LocalizedIdentityErrorDescriber) has already worded these.
            RefusalCode.PasswordNotAccepted or RefusalCode.AccountNotCreated when refusal.Args.FirstOrDefault() is string described => described,
            RefusalCode.PasswordNotAccepted => l["Choose a password."],
            RefusalCode.AccountNotCreated => l["The value is not valid."],
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
