using AwardVote.Application;
using AwardVote.Application.Results;
using AwardVote.Domain.Results;
using AwardVote.Web.Localization;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Publishing;

/// <summary>The publication's words beside <see cref="RefusalText"/>: a refusal about one category starts with its name.</summary>
public static class PublicationText
{
    /// <summary>
    /// <paramref name="text"/> after the name of the category the refusal is about (its first argument, a
    /// <see cref="PublicationCategory"/>), in the request's language; the text alone when it names none.
    /// </summary>
    public static string InCategory(Refusal refusal, string text) =>
        refusal.Args.FirstOrDefault() is PublicationCategory category ? $"{DisplayNames.Pick(category.Name, category.NameEn)}: {text}" : text;

    /// <summary>Why a category has no laureate yet, as the citation and publication pages show it.</summary>
    public static string Laureate(LaureateRefusal refusal, IStringLocalizer l) => RefusalText.Describe(PublicationRefusals.For(refusal), l);
}
