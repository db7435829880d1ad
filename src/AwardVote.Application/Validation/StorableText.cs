namespace AwardVote.Application.Validation;

/// <summary>
/// Text a database column can hold. PostgreSQL's text refuses the NUL character outright (the save fails, a 500), and
/// a lone half of a surrogate pair cannot be encoded as UTF-8 at all; the other control characters (except tab and
/// line breaks) are held, but nobody types them and they break the exports and the pages. Pasted from a PDF or sent
/// by a script, such a text is refused where it comes in, with a message naming the field, never saved.
/// </summary>
public static class StorableText
{
    /// <summary>The message of a field that holds such a character; {0} is the field's display name.</summary>
    public const string FieldMessage = "{0} contains a character that cannot be saved (an invisible control character, such as a null character). Remove it and try again.";

    public static bool IsStorable(string? text) => text is null || IndexOfUnstorable(text) < 0;

    /// <summary>The position of the first character that cannot be stored, or -1.</summary>
    public static int IndexOfUnstorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
                return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c))
                return i;
        }
        return -1;
    }

    /// <summary>The text without those characters: what a caller that ignores the refusal would at worst save.</summary>
    public static string WithoutUnstorable(string text)
    {
        if (IndexOfUnstorable(text) < 0)
            return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
                continue;
            }
            if (IndexOfUnstorable([c]) < 0)
                kept.Append(c);
        }
        return kept.ToString();
    }
}
