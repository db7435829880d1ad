using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AwardVote.Web.Exports;

/// <summary>
/// An Excel workbook with the Open XML SDK (DocumentFormat.OpenXml, see docs/decisions): one sheet, a bold header
/// row, text as inline strings and numbers as numbers. A text cell is never a formula, whatever it starts with, so
/// the workbook needs no injection guard (values stay as typed, unlike the CSV).
/// </summary>
public static class XlsxExport
{
    public static byte[] Write(ExportTable table)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, table.Headers.Select(h => new ExportCell(h, null)), header: true));
            var number = 2u;
            foreach (var row in table.Rows)
                data.Append(Row(number++, row, header: false));
            var worksheet = new Worksheet();
            // Freeze the header row: a long list stays readable when scrolled.
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            worksheet.Append(data);
            sheetPart.Worksheet = worksheet;
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Name),
            }));
        }
        return buffer.ToArray();
    }

    private static Row Row(uint index, IEnumerable<ExportCell> cells, bool header)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            var reference = $"{ColumnName(column++)}{index}";
            if (cell.Number is { } value)
            {
                row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) });
            }
            else if (cell.Text is { Length: > 0 } text)
            {
                row.Append(new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
                    StyleIndex = header ? 1u : 0u,
                });
            }
        }
        return row;
    }

    /// <summary>Fonts: regular and bold; cell formats: 0 plain, 1 bold (the header row).</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

    /// <summary>A, B, … Z, AA, AB …</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
            name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    /// <summary>Sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>XML 1.0 allows no control characters but tab, CR and LF: any other one in pasted text is dropped.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < 0x20 && c is not ('\t' or '\r' or '\n'))
            ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\r' or '\n').ToArray())
            : text;
}
