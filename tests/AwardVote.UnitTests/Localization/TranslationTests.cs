using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwardVote.UnitTests.Localization;

/// <summary>
/// Latvian is the default language: every text the code asks the localizer for must have a Latvian translation,
/// or the page silently shows the English key.
/// </summary>
public sealed partial class TranslationTests
{
    [Fact]
    public void Every_page_text_has_a_Latvian_translation() =>
        AssertTranslated("src/AwardVote.Web", "src/AwardVote.Web/Resources/SharedResource.lv.resx", includeAttributes: true);

    /// <summary>The use cases' input records carry the messages their fields' attributes give, on the page and in the API.</summary>
    [Fact]
    public void Every_input_message_of_the_use_cases_has_a_Latvian_translation() =>
        AssertTranslated("src/AwardVote.Application", "src/AwardVote.Web/Resources/SharedResource.lv.resx", includeAttributes: true);

    [Fact]
    public void Every_mail_text_has_a_Latvian_translation() =>
        AssertTranslated("src/AwardVote.Infrastructure", "src/AwardVote.Infrastructure/Resources/MailResource.lv.resx", includeAttributes: false);

    [Fact]
    public void The_scan_finds_the_texts_it_checks()
    {
        // Guards the test above against a pattern that silently matches nothing.
        Assert.Contains("Sign in", KeysUsedIn(Path.Combine(RepositoryRoot, "src/AwardVote.Web"), includeAttributes: true));
        Assert.Contains("Enter your e-mail address.", KeysUsedIn(Path.Combine(RepositoryRoot, "src/AwardVote.Web"), includeAttributes: true));
    }

    private static void AssertTranslated(string sourceFolder, string resx, bool includeAttributes)
    {
        var translations = XDocument.Load(Path.Combine(RepositoryRoot, resx)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        var used = KeysUsedIn(Path.Combine(RepositoryRoot, sourceFolder), includeAttributes);

        var missing = used.Where(key => !translations.ContainsKey(key)).ToList();
        var empty = translations.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).ToList();

        Assert.True(missing.Count == 0, "No Latvian translation in " + resx + " for:\n" + string.Join("\n", missing));
        Assert.True(empty.Count == 0, "Empty Latvian translation for:\n" + string.Join("\n", empty));
    }

    private static HashSet<string> KeysUsedIn(string folder, bool includeAttributes)
    {
        var keys = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in LocalizerCall().Matches(text))
                keys.Add(Regex.Unescape(match.Groups[1].Value));
            if (includeAttributes && file.EndsWith(".cs", StringComparison.Ordinal))
            {
                foreach (Match match in AttributeText().Matches(text))
                    keys.Add(Regex.Unescape(match.Groups[1].Value));
            }
        }
        return keys;
    }

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AwardVote.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("AwardVote.sln not found above the test folder.");
        }
    }

    [GeneratedRegex(""""(?:\bL|\bl|localizer)\["((?:[^"\\]|\\.)*)"""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(""""(?:ErrorMessage|Name)\s*=\s*"((?:[^"\\]|\\.)*)"""")]
    private static partial Regex AttributeText();
}
