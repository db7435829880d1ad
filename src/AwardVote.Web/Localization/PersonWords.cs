using AwardVote.Infrastructure.Privacy;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>
/// A person's name as a page shows it: an erased person, whom a record keeps only as their pseudonym
/// (<see cref="Application.Privacy.PeopleNames"/>), is said to be one — the words the audit log uses — never an empty
/// cell or a raw account id.
/// </summary>
public static class PersonWords
{
    public static string Name(string? name, IStringLocalizer l) =>
        IsPseudonym(name) ? l["Erased person {0}", name!]
        : string.IsNullOrWhiteSpace(name) ? l["a deleted account"]
        : name;

    /// <summary>Exactly the form <see cref="Pseudonyms.Person"/> makes ("p-" and 12 hex digits), not any name starting "p-".</summary>
    private static bool IsPseudonym(string? name) =>
        Pseudonyms.IsPerson(name) && name!.Length == Pseudonyms.PersonPrefix.Length + 12
        && name.AsSpan(Pseudonyms.PersonPrefix.Length).ContainsAnyExcept("0123456789abcdef") is false;
}
