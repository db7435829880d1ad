namespace AwardVote.Domain.Libraries;

/// <summary>The Latvian cases a library's name takes in the app's sentences (vocative and instrumental are not needed:
/// "ar" takes the accusative in the singular).</summary>
public enum GrammaticalCase
{
    /// <summary>kas? — "Inešu bibliotēka"</summary>
    Nominative,
    /// <summary>kā? — "Inešu bibliotēkas pieteikums"</summary>
    Genitive,
    /// <summary>kam? — "vēstule Inešu bibliotēkai"</summary>
    Dative,
    /// <summary>ko? — "balsot par Inešu bibliotēku"</summary>
    Accusative,
    /// <summary>kur? — "Inešu bibliotēkā"</summary>
    Locative,
}
