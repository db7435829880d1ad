using System.Globalization;
using System.Text;

namespace AwardVote.Domain.Counting;

/// <summary>
/// One line of the score ballot file: one juror's score for one nomination on one criterion; null when the juror
/// abstained or was recused. (Not the stored score, <see cref="Judging.ScoreEntry"/>, which refers to its ballot and
/// criterion by id: this names them, as the file and the count do.)
/// </summary>
public sealed record ScoreLine(string Juror, string Nomination, string Criterion, decimal? Score);

/// <summary>
/// The score ballot file: CSV <c>juror,nomination,criterion,score</c> (an optional header line of exactly those
/// names; an empty score, <c>abstain</c> or <c>conflict</c> marks an abstention or recusal). No quoting: names with
/// commas are not allowed.
/// </summary>
public static class ScoreBallotFile
{
    private const string Header = "juror,nomination,criterion,score";

    public static IReadOnlyList<ScoreLine> Parse(string text) => Parse(new StringReader(text));

    /// <exception cref="BallotFormatException">A malformed line, with its number.</exception>
    public static IReadOnlyList<ScoreLine> Parse(TextReader reader)
    {
        var entries = new List<ScoreLine>();
        var seen = new HashSet<(string, string, string)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var content = line.Trim();
            if (content.Length == 0 || content.StartsWith('#'))
                continue;
            if (lineNumber == 1 && string.Equals(content.Replace(" ", ""), Header, StringComparison.OrdinalIgnoreCase))
                continue;
            var fields = content.Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != 4)
                throw new BallotFormatException(lineNumber, $"expected 4 fields (juror,nomination,criterion,score), found {fields.Length}");
            string[] what = ["juror", "nomination", "criterion"];
            for (var i = 0; i < 3; i++)
                if (fields[i].Length == 0)
                    throw new BallotFormatException(lineNumber, $"empty {what[i]}");
            decimal? score = fields[3].ToLowerInvariant() switch
            {
                "" or "abstain" or "conflict" => null,
                var number when decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) => value,
                _ => throw new BallotFormatException(lineNumber, $"bad score '{fields[3]}': expected a number, empty, 'abstain' or 'conflict'"),
            };
            if (!seen.Add((fields[0], fields[1], fields[2])))
                throw new BallotFormatException(lineNumber, $"{fields[0]} scores {fields[1]} on {fields[2]} twice");
            entries.Add(new ScoreLine(fields[0], fields[1], fields[2], score));
        }
        return entries;
    }

    /// <summary>The canonical file: header, lines sorted by juror, nomination, criterion (ordinal), LF line ends.</summary>
    public static string Write(IEnumerable<ScoreLine> entries)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var entry in Canonical(entries))
            text.Append(entry.Juror).Append(',').Append(entry.Nomination).Append(',').Append(entry.Criterion).Append(',')
                .Append(entry.Score?.ToString(CultureInfo.InvariantCulture) ?? "").Append('\n');
        return text.ToString();
    }

    public static IEnumerable<ScoreLine> Canonical(IEnumerable<ScoreLine> entries) =>
        entries.OrderBy(e => e.Juror, StringComparer.Ordinal)
            .ThenBy(e => e.Nomination, StringComparer.Ordinal)
            .ThenBy(e => e.Criterion, StringComparer.Ordinal);
}
