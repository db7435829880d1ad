using System.Text;

namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// The expected allow/deny table, read from <c>access-matrix.txt</c>. A line is
/// <c>METHOD ROUTE[?handler=NAME][#variant]  PHASES  anon repA repB juror conflicted chair admin</c>; PHASES is
/// <c>*</c> (every phase not on a line of its own) or a comma list; <c>#</c> starts a comment.
/// </summary>
public sealed class AccessMatrix
{
    public const string FileName = "access-matrix.txt";

    public static readonly string[] Outcomes = ["allow", "secret", "refused", "deny", "notfound"];
    public static readonly string[] RoleNames = ["anon", "repA", "repB", "juror", "conflicted", "chair", "admin"];

    private readonly Dictionary<string, List<Row>> _rows = new(StringComparer.Ordinal);

    public sealed record Row(string Key, IReadOnlyList<Phase>? Phases, string[] Cells, int Line);

    public IEnumerable<string> Keys => _rows.Keys;

    public static string PhaseName(Phase phase) => phase.ToString().ToLowerInvariant();

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Access", FileName);

    public static AccessMatrix Load(string? path = null)
    {
        var matrix = new AccessMatrix();
        var errors = new List<string>();
        var lines = File.ReadAllLines(path ?? DefaultPath);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var comment = text.IndexOf(" #", StringComparison.Ordinal);
            if (text.TrimStart().StartsWith('#'))
                continue;
            if (comment >= 0)
                text = text[..comment];
            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
                continue;
            if (parts.Length != 3 + RoleNames.Length)
            {
                errors.Add($"line {i + 1}: expected METHOD ROUTE PHASES and {RoleNames.Length} cells, found {parts.Length} words");
                continue;
            }
            var key = $"{parts[0]} {parts[1]}";
            IReadOnlyList<Phase>? phases = null;
            if (parts[2] != "*")
            {
                var named = parts[2].Split(',').Select(p => Enum.GetValues<Phase>().Where(x => PhaseName(x) == p).Cast<Phase?>().FirstOrDefault()).ToList();
                if (named.Any(p => p is null))
                {
                    errors.Add($"line {i + 1}: unknown phase in '{parts[2]}' (phases: {string.Join(", ", Enum.GetValues<Phase>().Select(PhaseName))}, or *)");
                    continue;
                }
                phases = named.Select(p => p!.Value).ToList();
            }
            var cells = parts[3..];
            if (cells.FirstOrDefault(c => !Outcomes.Contains(c)) is { } bad)
            {
                errors.Add($"line {i + 1}: unknown outcome '{bad}' (outcomes: {string.Join(", ", Outcomes)})");
                continue;
            }
            if (!matrix._rows.TryGetValue(key, out var rows))
                matrix._rows[key] = rows = [];
            var overlap = rows.FirstOrDefault(r => (r.Phases is null && phases is null)
                                                   || (r.Phases is not null && phases is not null && r.Phases.Intersect(phases).Any()));
            if (overlap is not null)
            {
                errors.Add($"line {i + 1}: {key} repeats a phase of line {overlap.Line}");
                continue;
            }
            rows.Add(new Row(key, phases, cells, i + 1));
        }
        if (errors.Count > 0)
            throw new FormatException($"{FileName} has errors:\n" + string.Join("\n", errors));
        return matrix;
    }

    public bool Has(string key) => _rows.ContainsKey(key);

    /// <summary>The expected outcome; null when the file has no line for this key and phase.</summary>
    public string? Expected(string key, Phase phase, Role role)
    {
        if (!_rows.TryGetValue(key, out var rows))
            return null;
        var row = rows.FirstOrDefault(r => r.Phases?.Contains(phase) == true) ?? rows.FirstOrDefault(r => r.Phases is null);
        return row?.Cells[(int)role];
    }

    /// <summary>
    /// Lines in the file's format for observed outcomes: the cells most phases share go on the <c>*</c> line, the
    /// phases that differ on lines of their own (phases with the same cells share one).
    /// </summary>
    public static IEnumerable<string> Format(string key, IReadOnlyDictionary<Phase, string[]> observed, bool perPhase)
    {
        var groups = observed.OrderBy(o => o.Key).GroupBy(o => string.Join(' ', o.Value)).ToList();
        if (!perPhase || groups.Count == 1)
        {
            yield return Line(key, "*", observed.Values.First());
            yield break;
        }
        var common = groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.Key)).First();
        yield return Line(key, "*", common.First().Value);
        foreach (var group in groups.Where(g => g != common))
            yield return Line(key, string.Join(',', group.Select(g => PhaseName(g.Key))), group.First().Value);
    }

    public static string Line(string key, string phases, IEnumerable<string> cells)
    {
        var split = key.IndexOf(' ');
        var text = new StringBuilder();
        text.Append(key[..split].PadRight(5)).Append(key[(split + 1)..].PadRight(56)).Append(' ').Append(phases.PadRight(20));
        foreach (var cell in cells)
            text.Append(' ').Append(cell.PadRight(9));
        return text.ToString().TrimEnd();
    }

}
