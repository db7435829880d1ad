using System.Globalization;
using System.IO.Compression;
using System.Text;
using AwardVote.Web.Exports;

namespace AwardVote.IntegrationTests.Exports;

/// <summary>The file writers alone: no app, no database.</summary>
public sealed class ExportFileTests
{
    private static ExportTable Sample()
    {
        var table = new ExportTable("Pārbaude", ["Teksts", "Skaitlis"]);
        table.Add(["=HYPERLINK(\"http://evil.example\")", -0.5m]);
        table.Add(["+SUM(1;2)", 4.25m]);
        table.Add(["-2 lasītāji", (decimal?)null]);
        table.Add(["@cmd", 3]);
        table.Add(["Ābeļu bibliotēka; \"Gaisma\"", (decimal?)null]);
        return table;
    }

    [Fact]
    public void Csv_is_utf8_with_a_bom_in_the_languages_separator_and_guards_formulas_but_not_numbers()
    {
        var bytes = CsvExport.Write(Sample(), CultureInfo.GetCultureInfo("lv"));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Teksts;Skaitlis", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil.example\"\")\";-0,5", lines[1]);
        Assert.Equal("\"'+SUM(1;2)\";4,25", lines[2]);
        // CsvHelper quotes every field it escapes.
        Assert.Equal("\"'-2 lasītāji\";", lines[3]);
        Assert.Equal("\"'@cmd\";3", lines[4]);
        Assert.Equal("\"Ābeļu bibliotēka; \"\"Gaisma\"\"\";", lines[5]);
    }

    [Fact]
    public void English_csv_uses_commas_and_decimal_points()
    {
        var text = Encoding.UTF8.GetString(CsvExport.Write(Sample(), CultureInfo.GetCultureInfo("en"))[3..]);
        Assert.StartsWith("Teksts,Skaitlis\r\n\"'=HYPERLINK(\"\"http://evil.example\"\")\",-0.5\r\n\"'+SUM(1;2)\",4.25\r\n", text);
    }

    [Fact]
    public void Workbook_cells_are_text_or_numbers_and_never_formulas()
    {
        var bytes = XlsxExport.Write(Sample());

        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = reader.ReadToEnd();
        Assert.Contains("=HYPERLINK(\"http://evil.example\")", System.Net.WebUtility.HtmlDecode(sheet));
        Assert.Contains("Ābeļu bibliotēka", sheet);
        Assert.DoesNotContain("<x:f>", sheet);
        Assert.DoesNotContain("<f>", sheet);
        Assert.Contains("t=\"inlineStr\"", sheet);
        Assert.Matches("<x:c r=\"B2\"[^>]*t=\"n\"[^>]*><x:v>-0.5</x:v>", sheet);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_follow_the_spreadsheet_letters(int index, string name) =>
        Assert.Equal(name, XlsxExport.ColumnName(index));
}
