using System.Globalization;

namespace AwardVote.Domain.Libraries;

/// <summary>
/// A library's name in every case a Latvian sentence needs. English sentences, and any other language, always get the
/// name as registered (the nominative): only Latvian declines it.
/// </summary>
public sealed record LibraryName(string Nominative, string Genitive, string Dative, string Accusative, string Locative)
{
    /// <summary>The stored forms; a form not stored (a library registered before forms existed) is proposed from the name.</summary>
    public static LibraryName Of(string nominative, string? genitive, string? dative, string? accusative, string? locative)
    {
        if (genitive is not null && dative is not null && accusative is not null && locative is not null)
            return new LibraryName(nominative, genitive, dative, accusative, locative);
        var proposed = LatvianDeclension.Propose(nominative).Name;
        return new LibraryName(nominative, genitive ?? proposed.Genitive, dative ?? proposed.Dative,
            accusative ?? proposed.Accusative, locative ?? proposed.Locative);
    }

    public static LibraryName Of(Library library) =>
        Of(library.Name, library.NameGenitive, library.NameDative, library.NameAccusative, library.NameLocative);

    /// <summary>The form a sentence in the current UI language needs.</summary>
    public string In(GrammaticalCase grammaticalCase) => In(grammaticalCase, CultureInfo.CurrentUICulture);

    public string In(GrammaticalCase grammaticalCase, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName != "lv" ? Nominative : Form(grammaticalCase);

    public string Form(GrammaticalCase grammaticalCase) => grammaticalCase switch
    {
        GrammaticalCase.Genitive => Genitive,
        GrammaticalCase.Dative => Dative,
        GrammaticalCase.Accusative => Accusative,
        GrammaticalCase.Locative => Locative,
        _ => Nominative,
    };

    /// <summary>A name put into text without a case is the name as registered.</summary>
    public override string ToString() => Nominative;
}
