using System.Globalization;
using CsvHelper;

namespace AwardVote.Web.Exports;

/// <summary>
/// CSV that a spreadsheet opens as it is: UTF-8 with a byte order mark (without it Excel reads Latvian letters as
/// Windows-1257 garbage), the separator and decimal comma of the reader's language (Latvian Excel splits columns
/// on ';' and reads "4,25" as a number; English uses ',' and "4.25"), and text that starts with = + - @, a tab or
/// CR prefixed with ' so no cell is ever run as a formula (OWASP "CSV injection"). Numbers are not text and are
/// written as numbers, so a negative z-score stays −0,52 and not '−0,52.
/// </summary>
public static class CsvExport
{
    public static byte[] Write(ExportTable table, CultureInfo culture)
    {
        using var buffer = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = Separator(culture),
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            FormatProvider = culture,
        };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            foreach (var header in table.Headers)
                csv.WriteField(header);
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    if (cell.Number is { } number)
                        csv.WriteField(number, "0.####", culture);
                    else
                        csv.WriteField(cell.Text);
                }
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The list separator of the language (';' for Latvian, ',' for English), as spreadsheets expect it.</summary>
    public static char Separator(CultureInfo culture) =>
        culture.TextInfo.ListSeparator is [var single] && single < 128 && single is not ('"' or '\r' or '\n') ? single : ',';
}
