using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwardVote.UnitTests.Localization;

/// <summary>
/// One word for one thing, as docs/glossary.md lists them (issue 16, item 3): the Latvian pages and mails never use
/// the words a librarian reads as something else — "pieteikties" is to apply (beside "Pieteikšanās atvērta", which is
/// right), "nominācija" and "skatītāju balsojums" are translations, not the association's words.
/// </summary>
public sealed partial class GlossaryTests
{
    private static readonly string[] LatvianResources =
    [
        "src/AwardVote.Web/Resources/SharedResource.lv.resx",
        "src/AwardVote.Infrastructure/Resources/MailResource.lv.resx",
    ];

    /// <summary>A wrong term, and what docs/glossary.md says instead.</summary>
    private static readonly (Regex Wrong, string Right)[] LatvianRules =
    [
        (Word(@"nominācij\w*"), "pieteikums (a nomination)"),
        (Word(@"nominant\w*"), "pieteiktā bibliotēka (the nominee)"),
        (Word(@"nominēt\w*"), "pieteikt / pieteiktā bibliotēka"),
        (Word(@"pretendent\w*"), "pieteiktā bibliotēka (the nominee)"),
        (Word(@"skatītāj\w*"), "publikas balsojums (the people's-choice vote)"),
        // To sign in is "pieslēgties"; every form of the reflexive "pieteikties" reads as "to apply".
        (Word(@"(jā)?(pieteikties|piesakieties|piesakies|piesakos|piesakās|piesakāties|piesakoties|pieteicies|pieteikusies|pieteikušies|pieteicāties|pieteiksieties|pieteiksies)"),
            "pieslēgties / pieslēdzieties / pieslēdzoties (to sign in)"),
        // The noun "pieteikšanās" is right for applying ("Pieteikšanās atvērta"), wrong next to what belongs to signing in.
        (Word(@"pieteikšanās (mēģinājum|sīkdatn|dat|lap|vārd|kod|sesij)\w*"), "pieslēgšanās … (signing in)"),
        (Word(@"pierakstī\w*"), "pieslēgties (to sign in)"),
        (Word(@"izrakstī\w*"), "Iziet (to sign out)"),
        // A conflict of interest is declared, never "pieteikts": a "pieteikums" is a nomination.
        (Word(@"(pieteikt(?!\w)|pieteic\w*|piesak\w*|pieteiks\w*)( \w+){0,2} interešu konflikt\w*|interešu konflikt\w*( \w+){0,4} (pieteikt(?!\w)|pieteic\w*|piesak\w*|pieteiks\w*)|interešu konflikta pieteikum\w*"),
            "deklarēt interešu konfliktu; the declaration is a deklarācija"),
        (Word(@"kas mainīts"), "Rādītājs (a statistic's measure) or Kas notika (an audit entry)"),
        (Word(@"auditācij\w*"), "audits / audita žurnāls"),
        (Word(@"apbalvojum\w*"), "balva (the award)"),
        (Word(@"novērtējum\w*"), "vērtējums (a score)"),
        (Word(@"raund\w*"), "kārta (a round)"),
        (Word(@"statūt\w*"), "nolikums (the statute)"),
        (Word(@"ieteikuma vēstul\w*"), "atbalsta vēstule (a letter of support)"),
    ];

    /// <summary>English texts are the keys of the resources and the code's own words: one term each there too.</summary>
    private static readonly (Regex Wrong, string Right)[] EnglishRules =
    [
        (Word(@"public vote"), "people's-choice vote"),
        // "/api/auth/login" is an address, not a word of the text.
        (Word(@"log(ged)? (in|out)"), "sign in / sign out"),
        (Word(@"prize\w*"), "award"),
        (Word(@"jury members?"), "juror"),
        (Word(@"chairman|chairperson"), "chair"),
        (Word(@"bylaws|regulations"), "statute"),
        (Word(@"letters? of recommendation"), "letter of support"),
    ];

    [Fact]
    public void The_Latvian_pages_and_mails_use_the_glossary_terms()
    {
        var wrong = LatvianResources.SelectMany(resx => Texts(resx)
                .SelectMany(text => WrongTerms(text.Latvian, LatvianRules).Select(w => $"{Path.GetFileName(resx)}: “{text.Latvian}” — {w}")))
            .ToList();

        Assert.True(wrong.Count == 0, "Latvian texts with a term docs/glossary.md says otherwise:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_English_texts_use_one_term_each()
    {
        var wrong = LatvianResources.SelectMany(resx => Texts(resx)
                .SelectMany(text => WrongTerms(text.English, EnglishRules).Select(w => $"{Path.GetFileName(resx)}: “{text.English}” — {w}")))
            .ToList();

        Assert.True(wrong.Count == 0, "English texts with a term docs/glossary.md says otherwise:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Pieteikšanās atvērta")]
    [InlineData("Pieteikšanās termiņš beidzās 2027. gada 6. janvārī plkst. 23.59.")]
    [InlineData("Pieslēgties")]
    [InlineData("Iesniegt pieteikumu")]
    [InlineData("Bibliotēku katrā kategorijā var pieteikt vienu reizi.")]
    [InlineData("Deklarēt interešu konfliktu")]
    [InlineData("Jums ir interešu konflikts ar šo pieteikumu: jūs to nevērtējat.")]
    [InlineData("Katra kritērija vērtējums")]
    public void Right_words_pass(string latvian) => Assert.Empty(WrongTerms(latvian, LatvianRules));

    [Theory]
    [InlineData("Pieteikties", "pieslēgties")]
    [InlineData("Piesakieties ar savu kontu", "pieslēgties")]
    [InlineData("Jūs esat pieteicies kā Ilze", "pieslēgties")]
    [InlineData("Pārāk daudz neveiksmīgu pieteikšanās mēģinājumu.", "pieslēgšanās")]
    [InlineData("Paldies par nomināciju: Inešu bibliotēka.", "pieteikums")]
    [InlineData("Skatītāju balsojums", "publikas balsojums")]
    [InlineData("Kas mainīts", "Rādītājs")]
    [InlineData("Jūs neesat pieteicis interešu konfliktu ar šo pieteikumu.", "deklarēt interešu konfliktu")]
    [InlineData("Interešu konfliktu šeit vairs nevar pieteikt.", "deklarēt interešu konfliktu")]
    [InlineData("Jūsu interešu konflikta pieteikums ir atsaukts.", "deklarācija")]
    [InlineData("Komentārs nominantam", "pieteiktā bibliotēka")]
    public void Wrong_words_are_caught_with_the_right_one_named(string latvian, string right) =>
        Assert.Contains(WrongTerms(latvian, LatvianRules), w => w.Contains(right, StringComparison.Ordinal));

    private static List<string> WrongTerms(string text, (Regex Wrong, string Right)[] rules) =>
        rules.SelectMany(rule => rule.Wrong.Matches(text).Select(m => $"“{m.Value}”: use {rule.Right}")).ToList();

    private static Regex Word(string pattern) =>
        new($@"(?<!\w){pattern}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static IEnumerable<(string English, string Latvian)> Texts(string resx) =>
        XDocument.Load(Path.Combine(RepositoryRoot, resx)).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""));

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
}
