using System.Text.RegularExpressions;

namespace AwardVote.Domain.Libraries;

/// <summary>What <see cref="LatvianDeclension"/> proposes; when it is not sure, a person should check the forms.</summary>
public sealed record DeclensionProposal(LibraryName Name, bool Sure);

/// <summary>
/// Proposes the case forms of a library's name for the usual pattern of Latvian library names:
/// [words in the genitive] [definite adjectives] head noun — "Latgales Centrālā bibliotēka", "Rīgas Stradiņa
/// universitātes bibliotēka", "Bērnu un jauniešu centrs". Only the head (the last word) and the definite adjectives
/// right before it change; the words before them are already in the genitive and stay. Anything in quotes or
/// brackets, or after a comma or a dash, is an apposition and stays as written ("Bibliotēka „Zīles”").
/// A name that fits no pattern is proposed unchanged in every case and marked unsure, so the page asks the person.
/// </summary>
public static partial class LatvianDeclension
{
    public static DeclensionProposal Propose(string name)
    {
        var nominative = (name ?? "").Trim();
        var unchanged = new DeclensionProposal(new LibraryName(nominative, nominative, nominative, nominative, nominative), false);
        var stop = AppositionStart().Match(nominative);
        var end = stop.Success ? stop.Index : nominative.Length;
        var words = Word().Matches(nominative[..end]).ToList();
        if (words.Count == 0)
            return unchanged;

        var head = words[^1];
        if (Noun(head.Value) is not { } noun)
            return unchanged;
        var sure = noun.Sure;

        // The definite adjectives right before the head agree with it: "Centrālā bibliotēka" → "Centrālās bibliotēkas".
        var adjectives = new List<(Match Word, string[] Forms)>();
        for (var i = words.Count - 2; i >= 0 && Adjective(words[i].Value) is { } forms; i--)
            adjectives.Add((words[i], forms));

        string Build(int form)
        {
            var text = nominative;
            text = text[..head.Index] + noun.Forms[form] + text[(head.Index + head.Length)..];
            // Adjectives come before the head, so replacing from the right keeps the earlier indices valid.
            foreach (var (word, forms) in adjectives)
                text = text[..word.Index] + forms[form] + text[(word.Index + word.Length)..];
            return text;
        }

        return new DeclensionProposal(new LibraryName(nominative, Build(0), Build(1), Build(2), Build(3)), sure);
    }

    /// <summary>Genitive, dative, accusative, locative of a definite adjective, or null when the word is not one.</summary>
    private static string[]? Adjective(string word)
    {
        if (word.Length > 4 && word.EndsWith("ais", StringComparison.Ordinal))
        {
            var stem = word[..^3];
            return [stem + "ā", stem + "ajam", stem + "o", stem + "ajā"];
        }
        if (word.Length > 3 && word.EndsWith('ā') && char.IsLetter(word[^2]))
        {
            var stem = word[..^1];
            return [stem + "ās", stem + "ajai", stem + "o", stem + "ajā"];
        }
        return null;
    }

    private sealed record NounForms(string[] Forms, bool Sure);

    /// <summary>Genitive, dative, accusative, locative of a head noun by its ending; null when the ending is not known.</summary>
    private static NounForms? Noun(string word)
    {
        if (word.Length < 3 || !word.All(char.IsLetter) || word.All(char.IsUpper))
            return null;
        // Fourth declension (bibliotēka, nodaļa, skola).
        if (word.EndsWith('a'))
            return Sure(word[..^1], "as", "ai", "u", "ā");
        // Fifth declension (filiāle, māja is fourth; universitāte, biedrība is fourth).
        if (word.EndsWith('e'))
            return Sure(word[..^1], "es", "ei", "i", "ē");
        // Third declension (tirgus).
        if (word.EndsWith("us", StringComparison.Ordinal))
            return Sure(word[..^2], "us", "um", "u", "ū");
        // Second declension (skapis → skapja): the consonant change has exceptions (viesis → viesa), so a person checks.
        if (word.EndsWith("is", StringComparison.Ordinal))
        {
            var stem = word[..^2];
            return new NounForms([Alternate(stem) + "a", stem + "im", stem + "i", stem + "ī"], false);
        }
        // First declension (centrs, muzejs, ceļš); a sixth-declension feminine in -s (pils) is too rare to guess.
        if (word.EndsWith('s') || word.EndsWith('š'))
            return Sure(word[..^1], "a", "am", "u", "ā");
        return null;
    }

    private static NounForms Sure(string stem, string genitive, string dative, string accusative, string locative) =>
        new([stem + genitive, stem + dative, stem + accusative, stem + locative], true);

    /// <summary>The second declension's genitive changes the last consonant of the stem (brālis → brāļa, zirgs is first).</summary>
    private static string Alternate(string stem)
    {
        foreach (var (from, to) in Alternations)
            if (stem.EndsWith(from, StringComparison.Ordinal))
                return stem[..^from.Length] + to;
        return stem;
    }

    private static readonly (string From, string To)[] Alternations =
    [
        ("sn", "šņ"), ("zn", "žņ"), ("sl", "šļ"), ("zl", "žļ"), ("ln", "ļņ"),
        ("l", "ļ"), ("n", "ņ"), ("s", "š"), ("z", "ž"), ("t", "š"), ("d", "ž"), ("c", "č"),
        ("p", "pj"), ("b", "bj"), ("m", "mj"), ("v", "vj"), ("f", "fj"),
    ];

    [GeneratedRegex(@"[„“”""«»‘’'(\[,–—]|\s-\s")]
    private static partial Regex AppositionStart();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}
