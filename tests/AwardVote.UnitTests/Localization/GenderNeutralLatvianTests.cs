using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwardVote.UnitTests.Localization;

/// <summary>
/// Latvian participles have a gender, and the app does not know the reader's: "Jūs esat uzaicināts" is wrong for every
/// woman who reads it. Sentences that address the person are written without one ("Jums ir uzaicinājums",
/// "Jūsu balss ir saņemta"). A library is feminine (bibliotēka), so it is a "laureāte", never a "laureāts".
/// </summary>
public sealed partial class GenderNeutralLatvianTests
{
    private static readonly string[] Resources =
    [
        "src/AwardVote.Web/Resources/SharedResource.lv.resx",
        "src/AwardVote.Infrastructure/Resources/MailResource.lv.resx",
    ];

    public static TheoryData<string> ResourceFiles => new(Resources);

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void No_Latvian_text_addresses_the_reader_with_a_gendered_participle(string resource)
    {
        var gendered = Texts(resource).Where(t => AddressedParticiple().IsMatch(t.Value) || KnownGenderedForm().IsMatch(t.Value)).ToList();

        Assert.True(gendered.Count == 0,
            "Rephrase without a gendered participle (e.g. \"Jums ir uzaicinājums\", \"Jūsu balss ir saņemta\"):\n"
            + string.Join("\n", gendered.Select(t => $"{t.Key} → {t.Value}")));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void A_library_is_a_laureate_in_the_feminine(string resource)
    {
        var masculine = Texts(resource).Where(t => MasculineLaureate().IsMatch(t.Value)).ToList();

        Assert.True(masculine.Count == 0,
            "A library is feminine: \"laureāte\", \"balvas ieguvēja\" or \"uzvarētāja\":\n" + string.Join("\n", masculine.Select(t => $"{t.Key} → {t.Value}")));
    }

    [Theory]
    [InlineData("Jūs esat uzaicināts kļūt par pārstāvi.")]
    [InlineData("Jūs jau esat balsojis ar šo adresi.")]
    [InlineData("Jūs neesat pieteicis interešu konfliktu.")]
    [InlineData("Ja esat aizmirsis paroli, izvēlieties jaunu.")]
    [InlineData("Jūs esat pierakstījies kā {1}.")]
    public void The_check_finds_the_forms_it_forbids(string text) =>
        Assert.True(AddressedParticiple().IsMatch(text) || KnownGenderedForm().IsMatch(text), text);

    [Theory]
    [InlineData("Jums ir uzaicinājums kļūt par Inešu bibliotēkas pārstāvi.")]
    [InlineData("Jūsu balss ir saņemta: Inešu bibliotēka.")]
    [InlineData("Ja esat administrators — cits administrators.")]
    [InlineData("Šis žūrijas loceklis šajā kārtā jau ir balsojis elektroniski.")]
    public void The_check_lets_neutral_texts_pass(string text) =>
        Assert.False(AddressedParticiple().IsMatch(text) || KnownGenderedForm().IsMatch(text), text);

    private static IEnumerable<(string Key, string Value)> Texts(string resource) =>
        XDocument.Load(Path.Combine(RepositoryRoot, resource)).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""));

    /// <summary>"(Jūs) esat/neesat [jau] uzaicināts|balsojis|pieteikusies…": a participle after the polite "you are".</summary>
    [GeneratedRegex(@"\b(?:ne)?esat\s+(?:jau\s+|vēl\s+)?\p{L}+(?:ts|ta|is|usi|ies|usies)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddressedParticiple();

    /// <summary>Forms seen addressed to the reader in earlier texts, wherever they stand in a "Jūs" sentence.</summary>
    [GeneratedRegex(@"\b(?:Jūs|jūs)\b[^.;:]*\b(?:uzaicināt[sa]|balsojis|balsojusi|pieteicies|pieteikusies|pieteicis|reģistrējies|reģistrējusies|pierakstījies|pierakstījusies|pieslēdzies|pieslēgusies|aizmirsis|aizmirsusi|deklarējis|deklarējusi)\b")]
    private static partial Regex KnownGenderedForm();

    [GeneratedRegex(@"\blaureāt(?:s|am|u|a|i|iem|us)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MasculineLaureate();

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AwardVote.sln")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
        }
    }
}
