using System.Text;
using AwardVote.Application.PeoplesChoice;
using CsvHelper;

namespace AwardVote.UnitTests.PeoplesChoice;

/// <summary>A member list with several bad lines: every one is reported, with its line and what is wrong, and nothing is kept.</summary>
public sealed class MemberListEveryBadLineTests
{
    private static MemberListFile Read(string text) => MemberList.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Every_bad_line_is_reported_not_only_the_first_quoting_error()
    {
        var file = Read(
            "e-pasts;vārds\n" +
            "anna@example.lv;Anna\n" +
            "\"janis@example.lv;Jānis\n" +        // 3: a quote that never closes
            "liga@example.lv;Līga\n" +
            "ma\"ra@example.lv;Māra\n" +          // 5: a quote inside an unquoted value
            "nav-adrese;Pēteris\n" +               // 6: not an address
            "\"ilze@example.lv\"x;Ilze\n" +        // 7: text after the closing quote
            ";Zane\n" +                            // 8: the address is missing
            "karlis@example.lv;Kārlis\n");

        Assert.Equal(
            [(3, MemberListProblemKind.Malformed), (5, MemberListProblemKind.Malformed), (6, MemberListProblemKind.NotAnAddress),
             (7, MemberListProblemKind.Malformed), (8, MemberListProblemKind.Missing)],
            file.Errors.Select(e => (e.Line, e.Kind)));
        Assert.Equal(CsvMalformedReason.StrayQuote, file.Errors[1].Quoting);
        Assert.Equal(CsvMalformedReason.TextAfterClosingQuote, file.Errors[3].Quoting);
        Assert.NotNull(file.Errors[0].Quoting);
        Assert.Contains("janis@example.lv", file.Errors[0].Value);
        Assert.False(file.IsValid);
    }
}
