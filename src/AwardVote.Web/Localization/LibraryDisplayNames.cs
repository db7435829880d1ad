using AwardVote.Domain.Libraries;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>Names of a library's type and status as people read them, in the request's language.</summary>
public static class LibraryDisplayNames
{
    public static string Type(LibraryType type, IStringLocalizer l) => type switch
    {
        LibraryType.Public => l["Public library"],
        LibraryType.RegionalMain => l["Regional main library"],
        LibraryType.Academic => l["Academic library"],
        LibraryType.School => l["School library"],
        LibraryType.Special => l["Special library"],
        LibraryType.National => l["National library"],
        LibraryType.Other => l["Other library"],
        _ => type.ToString(),
    };

    public static string Status(LibraryStatus status, IStringLocalizer l) => status switch
    {
        LibraryStatus.PendingApproval => l["Waiting for approval"],
        LibraryStatus.Approved => l["Approved"],
        LibraryStatus.Refused => l["Refused"],
        _ => status.ToString(),
    };
}
