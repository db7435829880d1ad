using System.Text;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Infrastructure.PeoplesChoice;

namespace AwardVote.UnitTests.PeoplesChoice;

public sealed class MemberListTests
{
    private static MemberListFile Read(string text) => MemberList.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_headed_semicolon_list_gives_normalised_addresses_once()
    {
        var file = Read("Vārds;E-pasts;Bibliotēka\nAnna;anna@example.lv;LNB\nJānis; Janis@Example.LV ;LNB\nAnna;ANNA@example.lv;LNB\n");

        Assert.True(file.IsValid);
        Assert.Equal(["ANNA@EXAMPLE.LV", "JANIS@EXAMPLE.LV"], file.Addresses);
        var repeated = Assert.Single(file.Warnings);
        Assert.Equal((4, MemberListProblemKind.Repeated, 2), (repeated.Line, repeated.Kind, repeated.FirstLine));
    }

    [Fact]
    public void Without_a_heading_the_column_with_addresses_is_used()
    {
        var file = Read("Anna Bērziņa,anna@example.lv\nJānis Kalniņš,janis@example.lv\n");
        Assert.Equal(["ANNA@EXAMPLE.LV", "JANIS@EXAMPLE.LV"], file.Addresses);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Each_bad_line_is_named_and_blank_rows_are_no_mistake()
    {
        var file = Read("email\nanna@example.lv\nnav-adrese\n\n;\n\"janis@example.lv\"\nx@y\n");

        Assert.False(file.IsValid);
        Assert.Equal([(3, MemberListProblemKind.NotAnAddress, "nav-adrese"), (7, MemberListProblemKind.NotAnAddress, "x@y")],
            file.Errors.Select(e => (e.Line, e.Kind, e.Value)));
        Assert.Equal(["ANNA@EXAMPLE.LV", "JANIS@EXAMPLE.LV"], file.Addresses);
    }

    [Fact]
    public void Broken_quoting_is_reported_with_its_line()
    {
        var file = Read("email\nanna@example.lv\n\"janis@example.lv\n");
        var error = Assert.Single(file.Errors);
        Assert.Equal((3, MemberListProblemKind.Malformed), (error.Line, error.Kind));
    }

    [Fact]
    public void A_file_with_no_address_column_is_refused()
    {
        var file = Read("Vārds;Uzvārds\nAnna;Bērziņa\n");
        Assert.Equal(MemberListProblemKind.NoAddressColumn, Assert.Single(file.Errors).Kind);
    }

    [Fact]
    public void The_file_hash_identifies_the_upload() =>
        Assert.Equal(Read("a@b.lv\n").Sha256, Read("a@b.lv\n").Sha256);
}
