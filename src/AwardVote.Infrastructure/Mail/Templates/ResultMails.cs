using AwardVote.Domain.Libraries;
using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail.Templates;

/// <summary>The laureate library's representatives: the news, the jury's citation and, where the statute allows, its comments.</summary>
public sealed record LaureateResultMail(string RecipientName, LibraryName LibraryName, string CycleTitle, string CategoryName, string Citation,
    IReadOnlyList<string>? JuryComments, string ResultsUrl) : MailTemplate
{
    public override string Purpose => "results-laureate";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["{0} is the laureate of {1}", LibraryName, CycleTitle],
        [
            l["Hello, {0}!", RecipientName],
            l["Congratulations! The jury of {0}, category {1}, chose {2} as the laureate.", CycleTitle, CategoryName, LibraryName.In(GrammaticalCase.Accusative)],
            l["The jury's citation: {0}", Citation],
            .. ResultMailText.Comments(l, LibraryName, JuryComments),
        ],
        (l["Read the announcement"], ResultsUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>Every other nominee's representatives: who won and, where the statute allows, the jury's comments (never names).</summary>
public sealed record NomineeResultMail(string RecipientName, LibraryName LibraryName, string CycleTitle, string CategoryName, string LaureateName,
    IReadOnlyList<string>? JuryComments, string ResultsUrl) : MailTemplate
{
    public override string Purpose => "results-nominee";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Results of {0}", CycleTitle],
        [
            l["Hello, {0}!", RecipientName],
            l["The results of {0}, category {1}, are published: the laureate is {2}.", CycleTitle, CategoryName, LaureateName],
            l["Thank you for the nomination of {0}.", LibraryName.In(GrammaticalCase.Genitive)],
            .. ResultMailText.Comments(l, LibraryName, JuryComments),
        ],
        (l["Read the announcement"], ResultsUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>Each juror of the panel, chair included.</summary>
public sealed record JurorResultMail(string JurorName, string CycleTitle, string CategoryName, string LaureateName, string ResultsUrl) : MailTemplate
{
    public override string Purpose => "results-juror";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Results of {0}", CycleTitle],
        [
            l["Hello, {0}!", JurorName],
            l["The results of {0}, category {1}, are published: the laureate is {2}.", CycleTitle, CategoryName, LaureateName],
            l["Thank you for your work on the jury."],
        ],
        (l["Read the announcement"], ResultsUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>An endorser who asked, when writing the letter of support, to hear the results.</summary>
public sealed record EndorserResultMail(string EndorserName, LibraryName EndorsedLibrary, string CycleTitle, string CategoryName, string LaureateName,
    string ResultsUrl) : MailTemplate
{
    public override string Purpose => "results-endorser";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Results of {0}", CycleTitle],
        [
            l["Hello, {0}!", EndorserName],
            l["You supported the nomination of {0} and asked to hear the results.", EndorsedLibrary.In(GrammaticalCase.Genitive)],
            l["The results of {0}, category {1}, are published: the laureate is {2}.", CycleTitle, CategoryName, LaureateName],
        ],
        (l["Read the announcement"], ResultsUrl),
        l["AwardVote, Latvian Library Association"]);
}

internal static class ResultMailText
{
    /// <summary>Null: the statute keeps the jury's comments from the nominees; empty: the jury wrote none.</summary>
    public static IEnumerable<string> Comments(IStringLocalizer<MailResource> l, LibraryName libraryName, IReadOnlyList<string>? comments)
    {
        if (comments is null)
            yield break;
        if (comments.Count == 0)
        {
            yield return l["The jury left no comments on the nomination of {0}.", libraryName.In(GrammaticalCase.Genitive)];
            yield break;
        }
        yield return l["The jury's comments on the nomination of {0}:", libraryName.In(GrammaticalCase.Genitive)];
        foreach (var comment in comments)
            yield return $"— {comment}";
    }
}
