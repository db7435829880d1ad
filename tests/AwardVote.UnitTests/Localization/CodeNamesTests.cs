using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwardVote.Web.Localization;
using Microsoft.Extensions.Localization;

namespace AwardVote.UnitTests.Localization;

/// <summary>
/// Every audit action the app writes and every purpose a mail has is shown in words, in Latvian and English: a new
/// code without a name fails here (the administrator's pages would otherwise show <c>library.registered</c> or
/// <c>account-confirmation</c>).
/// </summary>
public sealed partial class CodeNamesTests
{
    [Fact]
    public void Every_audit_action_the_app_writes_has_a_Latvian_and_an_English_name()
    {
        var codes = AuditActionsWritten();
        Assert.Contains("library.registered", codes);            // the scan finds what it checks
        Assert.Contains("cycle.phase-advanced", codes);          // … also codes passed through a variable
        AssertNamed(codes, code => AuditWords.Action(code, Latvian), code => AuditWords.Action(code, English));
    }

    [Fact]
    public void Every_mail_purpose_has_a_Latvian_and_an_English_name()
    {
        var purposes = MailPurposes();
        Assert.Contains("account-confirmation", purposes);
        Assert.Contains("conflict-reopened", purposes);          // both sides of a conditional purpose
        AssertNamed(purposes, code => MailKinds.Name(code, Latvian), code => MailKinds.Name(code, English));
    }

    [Fact]
    public void Every_record_type_the_audit_writes_has_a_name()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in SourceFiles().Select(File.ReadAllText))
            foreach (Match match in RecordType().Matches(text))
                types.Add(match.Groups["type"].Value);
        Assert.Contains("User", types);
        var unnamed = types.Where(t => AuditWords.RecordType(t, Latvian) is null).ToList();
        Assert.True(unnamed.Count == 0, "No name in AuditWords.RecordType for: " + string.Join(", ", unnamed));
    }

    private static void AssertNamed(IReadOnlyCollection<string> codes, Func<string, string?> latvian, Func<string, string?> english)
    {
        var problems = new List<string>();
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            var lv = latvian(code);
            var en = english(code);
            if (lv is null || en is null)
                problems.Add($"{code}: no name (add it to AuditWords/MailKinds)");
            else if (lv == en || lv.Contains(code, StringComparison.Ordinal))
                problems.Add($"{code}: no Latvian name in SharedResource.lv.resx (\"{en}\")");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The codes written: literals in an audit call, and literals of the same families anywhere (a code handed to
    /// the audit through a variable, as the phase moves and the statute editor do).
    /// </summary>
    private static HashSet<string> AuditActionsWritten()
    {
        var texts = SourceFiles().Select(File.ReadAllText).ToList();
        var families = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (Match call in AuditCall().Matches(text))
                foreach (Match match in CodeLiteral().Matches(call.Groups["args"].Value))
                    families.Add(match.Groups["family"].Value);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (Match match in CodeLiteral().Matches(text))
                if (families.Contains(match.Groups["family"].Value))
                    codes.Add(match.Groups["code"].Value);
        return codes;
    }

    private static HashSet<string> MailPurposes()
    {
        var purposes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in SourceFiles().SelectMany(File.ReadLines).Where(l => l.Contains("override string Purpose", StringComparison.Ordinal)))
            foreach (Match match in Literal().Matches(line))
                purposes.Add(match.Groups[1].Value);
        return purposes;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith("AuditWords.cs", StringComparison.Ordinal));

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

    private static readonly IReadOnlyDictionary<string, string> LatvianTexts =
        XDocument.Load(Path.Combine(RepositoryRoot, "src/AwardVote.Web/Resources/SharedResource.lv.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static readonly IStringLocalizer Latvian = new ResxLocalizer(LatvianTexts);
    private static readonly IStringLocalizer English = new ResxLocalizer(new Dictionary<string, string>());

    /// <summary>Answers from the Latvian resource file, or with the English key where it has no entry.</summary>
    private sealed class ResxLocalizer(IReadOnlyDictionary<string, string> texts) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            texts.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(this[name].Value, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [GeneratedRegex(@"\.Record\((?<args>[^;]*);")]
    private static partial Regex AuditCall();

    [GeneratedRegex(@"""(?<code>(?<family>[a-z]+(?:-[a-z]+)*)\.[a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"\.Record\([^;]*?,\s*(?:""(?<type>[A-Za-z]+)""|nameof\((?<type>[A-Za-z]+)\))\s*,")]
    private static partial Regex RecordType();

    [GeneratedRegex(@"""([a-z]+(?:-[a-z]+)+)""")]
    private static partial Regex Literal();
}
