using System.Globalization;
using System.Text;
using AwardVote.Domain.Counting;

namespace AwardVote.Cli;

/// <summary>
/// <c>awardvote tally</c> and <c>awardvote verify</c>. Each verb returns its exit code and writes to the writers it is
/// given, so the unit tests call them directly. Exit codes: 0 success (verify: both match), 1 verify mismatch,
/// 2 unreadable input (<c>FILE:LINE: message</c> on the error writer).
/// </summary>
public static class Tally
{
    public const int Success = 0;
    public const int Mismatch = 1;
    public const int BadInput = 2;

    public static int Ranked(FileInfo file, string method, bool json, TextWriter output, TextWriter error, RankedCountOptions? options = null)
        => Ranked(file, method, json, output, error, options, tieBreak: null, allowEqualRanks: true);

    /// <param name="tieBreak">The statute's chain as text, e.g. <c>more-first-preferences,higher-median,chair</c>; it overrides the one in <paramref name="options"/>.</param>
    public static int Ranked(
        FileInfo file, string method, bool json, TextWriter output, TextWriter error,
        RankedCountOptions? options, string? tieBreak, bool allowEqualRanks)
    {
        options ??= new RankedCountOptions();
        if (tieBreak is not null)
        {
            if (!TryParseTieBreakChain(tieBreak, error, out var chain))
                return BadInput;
            options = options with { TieBreakChain = chain };
        }
        RankedMethod rankedMethod;
        try
        {
            rankedMethod = RankedCounter.ParseMethod(method);
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"awardvote tally: {exception.Message}");
            return BadInput;
        }
        if (!TryReadRanked(file, error, out var ballots, allowEqualRanks))
            return BadInput;
        Print(RankedCounter.Count(ballots, rankedMethod, options), json, output, error);
        return Success;
    }

    public static int Score(FileInfo file, string? weights, int? shortlist, bool json, TextWriter output, TextWriter error, string? tieBreak = null)
    {
        if (!TryParseWeights(weights, error, out var parsedWeights))
            return BadInput;
        List<TieBreakLink> chain = [];
        if (tieBreak is not null && !TryParseTieBreakChain(tieBreak, error, out chain))
            return BadInput;
        if (!TryReadScores(file, error, out var entries))
            return BadInput;
        var protocol = ScoreCounter.Count(entries, new ScoreCountOptions { Weights = parsedWeights, ShortlistSize = shortlist, TieBreakChain = chain });
        Print(protocol, json, output, error);
        if (!json && protocol.Score is { } score)
            error.WriteLine($"# sensitivity: {score.Sensitivity.Summary}");
        return Success;
    }

    public static int Verify(FileInfo protocolFile, FileInfo ballotFile, TextWriter output, TextWriter error)
    {
        if (!protocolFile.Exists)
        {
            error.WriteLine($"{protocolFile.FullName}: file not found");
            return BadInput;
        }
        CountProtocol published;
        try
        {
            published = CountProtocol.FromJson(File.ReadAllText(protocolFile.FullName));
        }
        catch (System.Text.Json.JsonException exception)
        {
            error.WriteLine($"{protocolFile.FullName}:{(exception.LineNumber ?? 0) + 1}: not a count protocol: {exception.Message}");
            return BadInput;
        }

        CountProtocol recount;
        if (published.Method == "score")
        {
            if (!TryReadScores(ballotFile, error, out var entries))
                return BadInput;
            recount = ScoreCounter.Count(entries, new ScoreCountOptions
            {
                Weights = published.Score?.CriterionWeights.ToDictionary(w => w.Name, w => w.Value) ?? [],
                ShortlistSize = published.Score?.ShortlistSize,
                TieBreakChain = published.TieBreakChain,
                WinRule = published.WinRequirement,
            });
        }
        else
        {
            RankedMethod method;
            try
            {
                method = RankedCounter.ParseMethod(published.Method);
            }
            catch (ArgumentException exception)
            {
                error.WriteLine($"{protocolFile.FullName}: {exception.Message}");
                return BadInput;
            }
            if (!TryReadRanked(ballotFile, error, out var ballots))
                return BadInput;
            recount = RankedCounter.Count(ballots, method,
                new RankedCountOptions { TieBreakChain = published.TieBreakChain, WinRule = published.WinRequirement });
        }

        var differences = new List<string>();
        if (published.CastingVote is { } castingVote)
        {
            // The published order ends with the chair's casting vote: apply the same vote to the recounted tie.
            try
            {
                recount = AwardVote.Domain.Results.TieRules.WithCastingVote(recount, castingVote);
            }
            catch (InvalidOperationException exception)
            {
                differences.Add($"casting vote: {exception.Message}");
            }
        }
        if (!string.Equals(published.BallotFileSha256, recount.BallotFileSha256, StringComparison.OrdinalIgnoreCase))
            differences.Add($"ballot file SHA-256: published {published.BallotFileSha256 ?? "(none)"}, recounted {recount.BallotFileSha256}");
        if (!published.Order.SequenceEqual(recount.Order))
            differences.Add($"order: published {Describe(published.Order)}, recounted {Describe(recount.Order)}");
        if (published.Outcome != recount.Outcome)
            differences.Add($"outcome: published {published.Outcome}, recounted {recount.Outcome}");

        if (differences.Count == 0)
        {
            output.WriteLine($"OK: the ballots hash to {recount.BallotFileSha256} and recount to the published result ({recount.Outcome}: {recount.OutcomeReason})");
            return Success;
        }
        foreach (var difference in differences)
            output.WriteLine($"MISMATCH {difference}");
        return Mismatch;
    }

    private static string Describe(IEnumerable<Placement> order) =>
        string.Join(" ", order.Select(p => $"{p.Rank}.{p.Name}"));

    private static void Print(CountProtocol protocol, bool json, TextWriter output, TextWriter error)
    {
        if (json)
        {
            output.WriteLine(protocol.ToJson());
            return;
        }
        foreach (var placement in protocol.Order)
            output.WriteLine($"{placement.Rank.ToString(CultureInfo.InvariantCulture)}\t{placement.Name}");
        if (protocol.Outcome != CountOutcome.Decided)
            error.WriteLine($"# {protocol.Outcome}: {protocol.OutcomeReason}");
    }

    private static bool TryReadRanked(FileInfo file, TextWriter error, out BallotSet ballots, bool allowEqualRanks = true)
    {
        ballots = null!;
        if (!file.Exists)
        {
            error.WriteLine($"{file.FullName}: file not found");
            return false;
        }
        try
        {
            using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            ballots = BallotFileParser.Parse(reader, allowEqualRanks);
            return true;
        }
        catch (BallotFormatException exception)
        {
            error.WriteLine($"{file.FullName}:{exception.LineNumber}: {exception.Problem}");
            return false;
        }
    }

    private static bool TryReadScores(FileInfo file, TextWriter error, out IReadOnlyList<ScoreLine> entries)
    {
        entries = [];
        if (!file.Exists)
        {
            error.WriteLine($"{file.FullName}: file not found");
            return false;
        }
        try
        {
            using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            entries = ScoreBallotFile.Parse(reader);
            return true;
        }
        catch (BallotFormatException exception)
        {
            error.WriteLine($"{file.FullName}:{exception.LineNumber}: {exception.Problem}");
            return false;
        }
    }

    /// <summary>
    /// Reads the chain: <c>more-first-preferences</c>, <c>higher-median</c>, <c>criterion:NAME</c> (higher mean on that
    /// criterion), <c>chair</c> (the chair's casting vote), <c>repeat</c> (a repeat ballot), comma-separated, in order.
    /// </summary>
    public static bool TryParseTieBreakChain(string text, TextWriter error, out List<TieBreakLink> chain)
    {
        chain = [];
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            TieBreakLink? link = part.ToLowerInvariant() switch
            {
                "more-first-preferences" => new TieBreakLink(AwardVote.Domain.Cycles.TieBreakRule.MoreFirstPreferences),
                "higher-median" => new TieBreakLink(AwardVote.Domain.Cycles.TieBreakRule.HigherMedian),
                "chair" => new TieBreakLink(AwardVote.Domain.Cycles.TieBreakRule.ChairCastingVote),
                "repeat" => new TieBreakLink(AwardVote.Domain.Cycles.TieBreakRule.RepeatBallot),
                _ when part.StartsWith("criterion:", StringComparison.OrdinalIgnoreCase) && part.Length > "criterion:".Length =>
                    new TieBreakLink(AwardVote.Domain.Cycles.TieBreakRule.HigherMeanOnCriterion, part["criterion:".Length..]),
                _ => null,
            };
            if (link is null)
            {
                error.WriteLine($"--tie-break: unknown rule '{part}': expected more-first-preferences, higher-median, criterion:NAME, chair or repeat");
                return false;
            }
            chain.Add(link);
        }
        return true;
    }

    /// <summary>Reads <c>crit=w,crit=w</c>.</summary>
    private static bool TryParseWeights(string? text, TextWriter error, out Dictionary<string, decimal> weights)
    {
        weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
            return true;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length == 0
                || !decimal.TryParse(pieces[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var weight) || weight < 0)
            {
                error.WriteLine($"--weights: '{part}' is not criterion=weight with a weight of 0 or more");
                return false;
            }
            weights[pieces[0]] = weight;
        }
        return true;
    }
}
