using System.Diagnostics;
using System.Globalization;
using System.Text;
using AwardVote.Domain.Counting;

namespace AwardVote.Bench;

/// <summary>
/// Scenario 3, in memory: the ballot file parsed once with AwardVote's own parser, then each method's
/// <see cref="RankedCounter.Count"/> timed against the machine's ceiling — plain loops over the very same arrays: one
/// that sums each ballot's weight onto its first preference (what a people's-choice count must at least do), and one
/// that touches every ranked entry once (the least any ranked method must read).
/// </summary>
public static class CountBench
{
    public static int Run(string file, IReadOnlyList<string> args)
    {
        var options = Options.Parse(args);
        var methods = options.Get("methods", "schulze,borda,irv").Split(',').Select(RankedCounter.ParseMethod).ToArray();
        var repeat = options.GetInt("repeat", 5);

        var clock = Stopwatch.StartNew();
        BallotSet parsed;
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
            parsed = BallotFileParser.Parse(reader);
        var parseMs = clock.Elapsed.TotalMilliseconds;
        Print("file", file);
        Print("voters", parsed.TotalWeight);
        Print("distinct_ballots", parsed.Ballots.Count);
        Print("candidates", parsed.Candidates.Count);
        Print("parse_ms", parseMs);

        // The ceiling, over the parsed arrays.
        var firstPreferenceMs = Best(repeat, () => FirstPreferenceSum(parsed));
        var everyEntryMs = Best(repeat, () => EveryEntrySum(parsed));
        Print("loop_first_preferences_ms", firstPreferenceMs);
        Print("loop_every_entry_ms", everyEntryMs);

        foreach (var method in methods)
        {
            var name = RankedCounter.MethodName(method);
            // A fresh set each time: the canonical lines and the hash are cached on the set, and a real count has neither.
            var cold = Time(() => RankedCounter.Count(new BallotSet(parsed.Candidates, parsed.Ballots), method));
            var best = Best(repeat, () => RankedCounter.Count(new BallotSet(parsed.Candidates, parsed.Ballots), method));
            var protocol = RankedCounter.Count(parsed, method);
            Print($"{name}_first_ms", cold);
            Print($"{name}_best_ms", best);
            // The method alone, on the flat arrays already built (and cached on the parsed set): no hash, no protocol.
            Print($"{name}_method_ms", Best(repeat, () => MethodAlone(parsed, method)));
            Print($"{name}_winner", protocol.Order.Count > 0 ? protocol.Order[0].Name : "-");
        }
        return 0;
    }

    /// <summary>The floor for any counter on .NET: start the runtime, decode the file and find its lines.</summary>
    public static int ReadOnly(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var buffer = new char[1 << 16];
        long lines = 0;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            lines += buffer.AsSpan(0, read).Count('\n');
        Print("lines", lines);
        return 0;
    }

    private static void MethodAlone(BallotSet ballots, RankedMethod method)
    {
        _ = method switch
        {
            RankedMethod.Schulze => RankedCounter.Schulze(ballots).Pairwise.Length,
            RankedMethod.Borda => RankedCounter.BordaPoints(ballots).Length,
            RankedMethod.InstantRunoff => RankedCounter.InstantRunoff(ballots, new TieBreakChain([], ballots.Candidates, (_, _) => null)).Rounds.Count,
            RankedMethod.Plurality => RankedCounter.FractionalFirstPreferences(ballots, Enumerable.Repeat(true, ballots.Candidates.Count).ToArray(), out _).Length,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"MethodAlone has no core for ranked method {method}: add it here."),
        };
    }

    private static long _sink;

    /// <summary>Sums each ballot's weight onto its first listed candidate.</summary>
    private static void FirstPreferenceSum(BallotSet ballots)
    {
        var sums = new long[ballots.Candidates.Count];
        var list = ballots.Ballots;
        for (var i = 0; i < list.Count; i++)
        {
            var ballot = list[i];
            if (ballot.Groups.Count > 0)
                sums[ballot.Groups[0][0]] += ballot.Weight;
        }
        _sink += sums[0];
    }

    /// <summary>Adds each ballot's weight to every candidate it lists: each ranked entry read once.</summary>
    private static void EveryEntrySum(BallotSet ballots)
    {
        var sums = new long[ballots.Candidates.Count];
        var list = ballots.Ballots;
        for (var i = 0; i < list.Count; i++)
        {
            var ballot = list[i];
            var groups = ballot.Groups;
            for (var g = 0; g < groups.Count; g++)
                foreach (var candidate in groups[g])
                    sums[candidate] += ballot.Weight;
        }
        _sink += sums[0];
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The best of several runs: on a shared machine the fastest run is the one least disturbed by others.</summary>
    private static double Best(int repeat, Action action)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < repeat; i++)
            best = Math.Min(best, Time(action));
        return best;
    }

    internal static void Print(string key, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key} {(value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : value)}"));
}
