namespace AwardVote.Web.Exports;

/// <summary>
/// One sheet of an export: localized column headers and rows of typed cells. Text and numbers stay apart so that
/// the CSV writer guards only text against formula injection (−0.5 stays a number) and the workbook gets numeric
/// cells that sort and sum.
/// </summary>
public sealed class ExportTable(string name, IReadOnlyList<string> headers)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Headers { get; } = headers;
    public List<IReadOnlyList<ExportCell>> Rows { get; } = [];

    public void Add(IReadOnlyList<ExportCell> cells)
    {
        if (cells.Count != Headers.Count)
            throw new ArgumentException($"A row of {Name} has {cells.Count} cells for {Headers.Count} columns.", nameof(cells));
        Rows.Add(cells);
    }
}

/// <summary>A cell: text, a number, or empty (both null).</summary>
public readonly record struct ExportCell(string? Text, decimal? Number)
{
    public static implicit operator ExportCell(string? text) => new(text, null);
    public static implicit operator ExportCell(Microsoft.Extensions.Localization.LocalizedString text) => new(text.Value, null);
    public static implicit operator ExportCell(decimal? number) => new(null, number);
    public static implicit operator ExportCell(int? number) => new(null, number);
    public static implicit operator ExportCell(decimal number) => new(null, number);
    public static implicit operator ExportCell(int number) => new(null, number);
}

public enum ExportFormat
{
    Csv,
    Xlsx,
}
