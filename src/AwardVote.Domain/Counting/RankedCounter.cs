using System.Globalization;
using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Counting;

public enum RankedMethod
{
    Schulze,
    Borda,
    InstantRunoff,
    Plurality,
}

public sealed record RankedCountOptions
{
    public IReadOnlyList<TieBreakLink> TieBreakChain { get; init; } = [];
    public WinRequirement? WinRule { get; init; }
}

/// <summary>
/// Counts a ranked round. Works on the canonical <see cref="BallotSet"/> (identical ballots merged), so the cost grows
/// with the number of distinct ballots, not of voters.
/// </summary>
public static class RankedCounter
{
    public static RankedMethod ParseMethod(string text) => text.ToLowerInvariant() switch
    {
        "schulze" => RankedMethod.Schulze,
        "borda" => RankedMethod.Borda,
        "irv" or "instant-runoff" or "instantrunoff" => RankedMethod.InstantRunoff,
        "plurality" => RankedMethod.Plurality,
        _ => throw new ArgumentException($"unknown method '{text}': expected schulze, borda, irv or plurality"),
    };

    /// <summary>The method's name in the protocol, which <see cref="ParseMethod"/> reads back for <c>awardvote verify</c>.</summary>
    public static string MethodName(RankedMethod method) => method switch
    {
        RankedMethod.Schulze => "schulze",
        RankedMethod.Borda => "borda",
        RankedMethod.InstantRunoff => "irv",
        RankedMethod.Plurality => "plurality",
        // No fallback to the enum's own name: ParseMethod might not read it back, and the protocol could not be verified.
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"Ranked method {method} has no protocol name."),
    };

    public static CountProtocol Count(BallotSet ballots, RankedMethod method, RankedCountOptions? options = null)
    {
        options ??= new RankedCountOptions();
        var names = ballots.Candidates;
        var n = names.Count;
        var firstPreferences = FractionalFirstPreferences(ballots, Enumerable.Repeat(true, n).ToArray(), out _);
        var chain = new TieBreakChain(options.TieBreakChain, names, (link, candidate) => link.Rule switch
        {
            TieBreakRule.MoreFirstPreferences => firstPreferences[candidate],
            TieBreakRule.HigherMedian => -MedianPosition(ballots, candidate),
            _ => null,
        });

        List<int[]> order;
        string? firstPlaceUnbroken;
        var protocol = new CountProtocol
        {
            Method = MethodName(method),
            Candidates = names,
            Voters = ballots.TotalWeight,
            Order = [],
            BallotFileSha256 = BallotFileWriter.Sha256Hex(ballots),
            TieBreakChain = options.TieBreakChain,
            WinRequirement = options.WinRule,
        };
        Func<int, int, decimal> lead;
        switch (method)
        {
            case RankedMethod.Schulze:
            {
                var (pairwise, paths, schulzeOrder) = Schulze(ballots);
                order = chain.ApplyToOrder(schulzeOrder, out firstPlaceUnbroken);
                protocol = protocol with { Schulze = new SchulzeSteps(Rows(pairwise, n), Rows(paths, n)) };
                lead = (winner, other) => pairwise[winner * n + other] - pairwise[other * n + winner];
                break;
            }
            case RankedMethod.Borda:
            {
                var points = BordaPoints(ballots);
                order = chain.ApplyToOrder(OrderByValue(points), out firstPlaceUnbroken);
                protocol = protocol with { BordaPoints = Values(names, points) };
                lead = (winner, other) => points[winner] - points[other];
                break;
            }
            case RankedMethod.Plurality:
            {
                order = chain.ApplyToOrder(OrderByValue(firstPreferences), out firstPlaceUnbroken);
                lead = (winner, other) => firstPreferences[winner] - firstPreferences[other];
                break;
            }
            case RankedMethod.InstantRunoff:
            {
                var (rounds, irvOrder, unbroken) = InstantRunoff(ballots, chain);
                order = irvOrder;
                firstPlaceUnbroken = unbroken;
                protocol = protocol with { InstantRunoffRounds = rounds };
                var last = rounds.Count == 0 ? [] : rounds[^1].Counts.ToDictionary(c => c.Name, c => c.Value);
                lead = (winner, other) => last.GetValueOrDefault(names[winner]) - last.GetValueOrDefault(names[other]);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, $"Ranked method {method} has no count.");
        }

        protocol = protocol with
        {
            FirstPreferences = Values(names, firstPreferences),
            Order = TieBreakChain.Placements(order, names),
            TieBreaks = chain.Applications,
            NoPreferences = NoPreferenceCounts(ballots),
            NoPreferenceRule = ballots.Arrays.HasNoPreferences ? NoPreferenceRule(method) : null,
        };
        return Decide(protocol, order, firstPlaceUnbroken, options.WinRule, firstPreferences, lead, ballots.TotalWeight == 0);
    }

    internal static CountProtocol Decide(
        CountProtocol protocol, IReadOnlyList<int[]> order, string? firstPlaceUnbroken, WinRequirement? winRule,
        IReadOnlyList<decimal> firstPlaces, Func<int, int, decimal> lead, bool noBallots)
    {
        if (order.Count == 0 || noBallots)
            return protocol with { Outcome = CountOutcome.NoBallots, OutcomeReason = "no ballots: nothing to decide" };
        if (order[0].Length > 1)
            return protocol with
            {
                Outcome = CountOutcome.UnbrokenTie,
                OutcomeReason = firstPlaceUnbroken ?? "unbroken tie for first place; needs a repeat ballot or the chair's casting vote",
            };
        var winner = order[0][0];
        if (winRule is null)
            return protocol with { Outcome = CountOutcome.Decided, OutcomeReason = $"{protocol.Candidates[winner]} wins" };

        // The lead is over the closest runner-up: with a tie for second place, the smallest lead counts.
        var winnerLead = order.Count > 1 ? order[1].Min(other => lead(winner, other)) : 0m;
        var firsts = firstPlaces[winner];
        var problems = new List<string>();
        if (winRule.MinimumFirstPlaces is { } minimumFirsts && firsts < minimumFirsts)
            problems.Add($"{Show(firsts)} first places, the statute asks for at least {Show(minimumFirsts)}");
        if (winRule.MinimumLead is { } minimumLead && winnerLead < minimumLead)
            problems.Add($"a lead of {Show(winnerLead)}, the statute asks for at least {Show(minimumLead)}");
        var met = problems.Count == 0;
        var why = met
            ? $"{protocol.Candidates[winner]} has {Show(firsts)} first places and a lead of {Show(winnerLead)}"
            : $"{protocol.Candidates[winner]} has " + string.Join(" and ", problems);
        return protocol with
        {
            WinRule = new WinRuleCheck(winRule.MinimumFirstPlaces, winRule.MinimumLead, firsts, winnerLead, met, why),
            Outcome = met ? CountOutcome.Decided : CountOutcome.RepeatBallotRequired,
            OutcomeReason = met ? $"{protocol.Candidates[winner]} wins" : $"repeat ballot: {why}",
        };
    }

    /// <summary>
    /// How a method counts a ballot that expresses no preference about a candidate (a juror's recusal), in the words
    /// the protocol publishes. One principle for all: such a ballot takes part in no comparison that involves the
    /// candidate, so it can neither help nor hurt them (ADR 0005, "Recusals").
    /// </summary>
    public static string NoPreferenceRule(RankedMethod method) => method switch
    {
        RankedMethod.Schulze =>
            "a ballot with no preference about a candidate counts for neither side of any pair with that candidate; first places count only ballots with a preference about every candidate",
        RankedMethod.Borda =>
            "Borda points are summed pair by pair; a pair with a candidate some ballots have no preference about gets the mean of the ballots that compare the pair, scaled to all voters, so those ballots neither give nor take points between the two",
        RankedMethod.InstantRunoff =>
            "every round compares all continuing candidates: a ballot with no preference about a continuing candidate abstains from that round and counts again once that candidate is eliminated",
        RankedMethod.Plurality =>
            "a first preference compares the chosen candidate with every other: a ballot with no preference about a candidate abstains",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"Ranked method {method} has no rule for recusals."),
    };

    /// <summary>Per candidate some ballot expresses no preference about: how many voters' ballots do; null when none.</summary>
    private static IReadOnlyList<CandidateValue>? NoPreferenceCounts(BallotSet ballots)
    {
        var flat = ballots.Arrays;
        if (!flat.HasNoPreferences)
            return null;
        var counts = new long[ballots.Candidates.Count];
        for (var b = 0; b < flat.BallotCount; b++)
            for (var e = flat.BallotUnranked[b]; e < flat.BallotUnranked[b + 1]; e++)
                counts[flat.Unranked[e]] += flat.Weights[b];
        return Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0)
            .Select(c => new CandidateValue(ballots.Candidates[c], counts[c])).ToArray();
    }

    internal static string Show(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>
    /// d[i,j] = voters ranking i strictly above j (left-off candidates below all listed ones; a ballot with no
    /// preference about i or j counts for neither); widest paths by
    /// Floyd–Warshall; the order repeatedly takes the remaining candidates that no remaining candidate beats.
    /// </summary>
    public static (long[] Pairwise, long[] Paths, List<int[]> Order) Schulze(BallotSet ballots)
    {
        var n = ballots.Candidates.Count;
        var d = Pairwise(ballots.Arrays, n);

        var p = new long[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j && d[i * n + j] > d[j * n + i])
                    p[i * n + j] = d[i * n + j];
        for (var k = 0; k < n; k++)
            for (var i = 0; i < n; i++)
            {
                if (i == k)
                    continue;
                for (var j = 0; j < n; j++)
                    if (j != i && j != k)
                        p[i * n + j] = Math.Max(p[i * n + j], Math.Min(p[i * n + k], p[k * n + j]));
            }

        var order = new List<int[]>();
        var remaining = Enumerable.Range(0, n).ToList();
        while (remaining.Count > 0)
        {
            var unbeaten = remaining.Where(i => !remaining.Any(j => p[j * n + i] > p[i * n + j])).ToArray();
            // The strongest-path relation is transitive, so someone is always unbeaten; the guard only keeps a bug from looping.
            if (unbeaten.Length == 0)
                unbeaten = [.. remaining];
            order.Add(unbeaten);
            remaining.RemoveAll(unbeaten.Contains);
        }
        return (d, p, order);
    }

    /// <summary>
    /// Classic Borda: a candidate's points on a ballot = the number of candidates ranked strictly below it
    /// (n−1 … 0 on a full strict ballot); left-off candidates get 0. Candidates ranked equal share the average of
    /// the positions they cover (two tied for first of four: (3 + 2) / 2 = 2.5 each), so every ballot hands out the
    /// same total for the listed places.
    /// </summary>
    public static decimal[] BordaPoints(BallotSet ballots)
    {
        var n = ballots.Candidates.Count;
        var flat = ballots.Arrays;
        if (flat.HasNoPreferences)
            return NeutralBordaPoints(ballots);
        var entries = flat.Entries;
        var groupStarts = flat.GroupStarts;
        var ballotGroups = flat.BallotGroups;
        var weights = flat.Weights;
        // Twice the points, so halves stay whole numbers.
        var doubled = new long[n];
        for (var b = 0; b < weights.Length; b++)
        {
            var firstGroup = ballotGroups[b];
            var lastGroup = ballotGroups[b + 1] - 1;
            var listed = groupStarts[lastGroup + 1] - groupStarts[firstGroup];
            var below = n - listed;
            var weight = weights[b];
            for (var group = lastGroup; group >= firstGroup; group--)
            {
                var size = groupStarts[group + 1] - groupStarts[group];
                var points = weight * (2L * below + size - 1);
                for (var e = groupStarts[group]; e < groupStarts[group + 1]; e++)
                    doubled[entries[e]] += points;
                below += size;
            }
        }
        return doubled.Select(points => points / 2m).ToArray();
    }

    /// <summary>
    /// Borda when some ballots express no preference about a candidate. Classic Borda points are a sum over pairs: on
    /// each ballot a candidate gets 1 for every candidate ranked strictly below it (a left-off one included) and ½ for
    /// every one ranked equal. Here each pair (i, j) is counted over the ballots that compare it — those with a
    /// preference about both — and scaled to all voters: i gets N · points(i over j) / compared(i, j). A recused
    /// ballot thus neither gives nor takes points between the candidate and anyone else, and with no recusal the
    /// result is the classic count. Exact: every pair's share is a whole multiple of 1 / (2 · lcm of the compared
    /// weights), held in Int128.
    /// </summary>
    private static decimal[] NeutralBordaPoints(BallotSet ballots)
    {
        var n = ballots.Candidates.Count;
        var doubled = new long[n * n];
        var compared = new long[n * n];
        foreach (var ballot in ballots.Ballots)
        {
            var positions = ballot.PositionsOf(n);
            var leftOff = ballot.Groups.Count;
            var unranked = new bool[n];
            foreach (var candidate in ballot.NoPreference)
                unranked[candidate] = true;
            for (var i = 0; i < n; i++)
            {
                if (unranked[i])
                    continue;
                for (var j = 0; j < n; j++)
                {
                    if (j == i || unranked[j])
                        continue;
                    compared[i * n + j] += ballot.Weight;
                    if (positions[i] == leftOff)
                        continue;
                    if (positions[i] < positions[j])
                        doubled[i * n + j] += 2 * ballot.Weight;
                    else if (positions[i] == positions[j])
                        doubled[i * n + j] += ballot.Weight;
                }
            }
        }

        Int128 common = 1;
        foreach (var weight in compared.Where(w => w > 0).Distinct())
            common = checked(common / Gcd(common, weight) * weight);
        var result = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            Int128 units = 0;
            for (var j = 0; j < n; j++)
                // A pair no ballot compares gives neither candidate anything.
                if (compared[i * n + j] > 0)
                    units = checked(units + (Int128)doubled[i * n + j] * ballots.TotalWeight * (common / compared[i * n + j]));
            result[i] = ToDecimal(units, checked(2 * common));
        }
        return result;
    }

    /// <summary>
    /// d[i,j], the voters ranking i strictly above j: those listing i, less those listing j in i's group or above it.
    /// That reads each ballot's listed pairs only (k² for k listed), not every pair of candidates, which matters when
    /// voters list a few of many.
    /// </summary>
    private static long[] Pairwise(BallotArrays flat, int n)
    {
        var entries = flat.Entries;
        var groupStarts = flat.GroupStarts;
        var ballotGroups = flat.BallotGroups;
        var weights = flat.Weights;
        var listing = new long[n];
        var notBelow = new long[n * n];
        for (var b = 0; b < weights.Length; b++)
        {
            var weight = weights[b];
            var first = groupStarts[ballotGroups[b]];
            for (var group = ballotGroups[b]; group < ballotGroups[b + 1]; group++)
            {
                var groupEnd = groupStarts[group + 1];
                for (var e = groupStarts[group]; e < groupEnd; e++)
                {
                    var i = entries[e];
                    listing[i] += weight;
                    var row = i * n;
                    for (var other = first; other < groupEnd; other++)
                        notBelow[row + entries[other]] += weight;
                }
            }
            // No preference about x: a listed i does not beat x on this ballot either (and x, unlisted, beats no one).
            for (var u = flat.BallotUnranked[b]; u < flat.BallotUnranked[b + 1]; u++)
            {
                var x = flat.Unranked[u];
                for (var e = first; e < groupStarts[ballotGroups[b + 1]]; e++)
                    notBelow[entries[e] * n + x] += weight;
            }
        }
        var d = new long[n * n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                // notBelow[i,i] holds i's own listings: the diagonal comes out 0.
                d[i * n + j] = listing[i] - notBelow[i * n + j];
        return d;
    }

    /// <summary>First preferences among <paramref name="continuing"/> candidates: a ballot's first group with a continuing candidate splits its weight equally.</summary>
    public static decimal[] FractionalFirstPreferences(BallotSet ballots, bool[] continuing, out decimal exhausted) =>
        FractionalFirstPreferences(ballots, continuing, out exhausted, out _);

    /// <summary>
    /// First preferences among <paramref name="continuing"/> candidates: a ballot's first group with a continuing
    /// candidate splits its weight equally. A first preference compares its candidate with every continuing one, so a
    /// ballot with no preference about a continuing candidate abstains (<paramref name="abstained"/>).
    /// </summary>
    public static decimal[] FractionalFirstPreferences(BallotSet ballots, bool[] continuing, out decimal exhausted, out decimal abstained)
    {
        var n = ballots.Candidates.Count;
        var flat = ballots.Arrays;
        // Whole units: every share is a whole multiple of 1/scale, so sums are exact and ties are real ties.
        Int128 scale = 1;
        for (var size = 2; size <= flat.LargestGroup; size++)
            scale = checked(scale / Gcd(scale, size) * size);
        // Whole votes (a single continuing candidate in the first group, the common case) are summed apart from
        // shares, which keeps the Int128 arithmetic off the hot path.
        var whole = new long[n];
        var units = new Int128[n];
        long exhaustedVotes = 0;
        long abstainedVotes = 0;
        var entries = flat.Entries;
        var groupStarts = flat.GroupStarts;
        var ballotGroups = flat.BallotGroups;
        var weights = flat.Weights;
        var unranked = flat.Unranked;
        var ballotUnranked = flat.BallotUnranked;
        for (var b = 0; b < weights.Length; b++)
        {
            var abstains = false;
            for (var u = ballotUnranked[b]; u < ballotUnranked[b + 1]; u++)
                abstains |= continuing[unranked[u]];
            if (abstains)
            {
                abstainedVotes += weights[b];
                continue;
            }
            var share = false;
            for (var group = ballotGroups[b]; group < ballotGroups[b + 1]; group++)
            {
                var count = 0;
                var only = -1;
                var start = groupStarts[group];
                var end = groupStarts[group + 1];
                for (var e = start; e < end; e++)
                    if (continuing[entries[e]])
                    {
                        count++;
                        only = entries[e];
                    }
                if (count == 0)
                    continue;
                if (count == 1)
                    whole[only] += weights[b];
                else
                {
                    var each = checked(weights[b] * scale / count);
                    for (var e = start; e < end; e++)
                        if (continuing[entries[e]])
                            units[entries[e]] += each;
                }
                share = true;
                break;
            }
            if (!share)
                exhaustedVotes += weights[b];
        }
        for (var candidate = 0; candidate < n; candidate++)
            units[candidate] += checked(whole[candidate] * scale);
        Int128 exhaustedUnits = checked(exhaustedVotes * scale);
        exhausted = ToDecimal(exhaustedUnits, scale);
        abstained = abstainedVotes;
        return units.Select(u => ToDecimal(u, scale)).ToArray();
    }

    private static decimal ToDecimal(Int128 units, Int128 scale) =>
        units % scale == 0 ? (decimal)(units / scale) : (decimal)units / (decimal)scale;

    private static Int128 Gcd(Int128 a, Int128 b)
    {
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }

    /// <summary>
    /// The weighted (lower) median of a candidate's place, counted as the number of candidates ranked strictly above
    /// it; a left-off candidate is below every listed one. A ballot with no preference about the candidate gives it no place.
    /// </summary>
    private static decimal MedianPosition(BallotSet ballots, int candidate)
    {
        var places = ballots.Ballots
            .Where(ballot => !ballot.NoPreference.Contains(candidate))
            .Select(ballot =>
            {
                var above = 0;
                foreach (var group in ballot.Groups)
                {
                    if (group.Contains(candidate))
                        return (place: above, ballot.Weight);
                    above += group.Length;
                }
                return (place: above, ballot.Weight);
            })
            .OrderBy(x => x.place)
            .ToArray();
        var half = (places.Sum(p => p.Weight) + 1) / 2;
        long seen = 0;
        foreach (var (place, weight) in places)
        {
            seen += weight;
            if (seen >= half)
                return place;
        }
        return 0;
    }

    /// <summary>
    /// Instant-runoff: majority of the continuing votes wins; otherwise the lowest is eliminated. A tie for the lowest
    /// goes to the statute's chain, then to the earlier rounds' counts (latest round first), and only then are all the
    /// tied-lowest eliminated together, if that leaves someone; never by name.
    /// </summary>
    public static (List<InstantRunoffRound> Rounds, List<int[]> Order, string? Unbroken) InstantRunoff(BallotSet ballots, TieBreakChain chain)
    {
        var names = ballots.Candidates;
        var n = names.Count;
        var continuing = Enumerable.Repeat(true, n).ToArray();
        var rounds = new List<InstantRunoffRound>();
        var history = new List<decimal[]>();
        var eliminatedInOrder = new List<int[]>();
        List<int[]> top = [];
        string? unbroken = null;
        decimal[] counts = new decimal[n];

        while (continuing.Any(c => c))
        {
            counts = FractionalFirstPreferences(ballots, continuing, out var exhausted, out var abstained);
            history.Add(counts);
            var alive = Enumerable.Range(0, n).Where(c => continuing[c]).ToArray();
            var total = alive.Sum(c => counts[c]);
            var roundCounts = alive.Select(c => new CandidateValue(names[c], counts[c])).ToArray();
            var number = rounds.Count + 1;

            var majority = alive.Where(c => counts[c] * 2 > total).ToArray();
            if (majority.Length == 1 || alive.Length == 1)
            {
                var winner = majority.Length == 1 ? majority[0] : alive[0];
                rounds.Add(new InstantRunoffRound(number, roundCounts, exhausted, total, [], names[winner],
                    alive.Length == 1 ? $"{names[winner]} is the last continuing candidate" :
                    $"{names[winner]} has {Show(counts[winner])} of {Show(total)} continuing votes, a majority", abstained));
                top = [[winner]];
                break;
            }

            var lowest = alive.Min(c => counts[c]);
            var tiedLowest = alive.Where(c => counts[c] == lowest).ToArray();
            var note = "";
            int[] eliminate = tiedLowest;
            if (tiedLowest.Length > 1)
            {
                var notes = new List<string> { $"tie for the lowest ({Show(lowest)}) between {Names(names, tiedLowest)}" };
                var groups = chain.Separate(tiedLowest, out _);
                eliminate = groups[^1];
                if (groups.Count > 1)
                    notes.Add($"the tie-break chain leaves {Names(names, eliminate)} lowest");
                for (var earlier = history.Count - 2; earlier >= 0 && eliminate.Length > 1; earlier--)
                {
                    var earlierCounts = history[earlier];
                    var earliest = eliminate.Min(c => earlierCounts[c]);
                    var narrowed = eliminate.Where(c => earlierCounts[c] == earliest).ToArray();
                    if (narrowed.Length < eliminate.Length)
                    {
                        notes.Add($"round {earlier + 1} counts leave {Names(names, narrowed)} lowest");
                        eliminate = narrowed;
                    }
                }
                if (eliminate.Length > 1)
                {
                    if (eliminate.Length == alive.Length)
                    {
                        unbroken = "unbroken tie: every continuing candidate has the same count and neither the tie-break chain nor earlier rounds separate them; needs a repeat ballot or the chair's casting vote";
                        rounds.Add(new InstantRunoffRound(number, roundCounts, exhausted, total, [], null,
                            string.Join("; ", notes) + "; " + unbroken, abstained));
                        top = [eliminate];
                        break;
                    }
                    notes.Add($"still tied: {Names(names, eliminate)} are eliminated together");
                }
                note = string.Join("; ", notes);
            }

            foreach (var candidate in eliminate)
                continuing[candidate] = false;
            eliminatedInOrder.Add(eliminate);
            rounds.Add(new InstantRunoffRound(number, roundCounts, exhausted, total,
                eliminate.Select(c => names[c]).ToArray(), null,
                note.Length > 0 ? note : $"{Names(names, eliminate)} lowest with {Show(lowest)}", abstained));
        }

        // Winner first; the others still in at the end by their last count; then the eliminated, last out first.
        var order = new List<int[]>(top);
        var placed = top.SelectMany(g => g).ToHashSet();
        var stillIn = Enumerable.Range(0, n).Where(c => continuing[c] && !placed.Contains(c)).ToArray();
        order.AddRange(OrderByValue(counts, stillIn));
        for (var i = eliminatedInOrder.Count - 1; i >= 0; i--)
            order.Add(eliminatedInOrder[i]);
        return (rounds, order, unbroken);
    }

    private static string Names(IReadOnlyList<string> names, IEnumerable<int> candidates) =>
        string.Join(", ", candidates.Select(c => names[c]).Order(StringComparer.Ordinal));

    /// <summary>Groups candidates by value, highest first; equal values are one (tied) group.</summary>
    internal static List<int[]> OrderByValue(IReadOnlyList<decimal> values, IEnumerable<int>? candidates = null) =>
        (candidates ?? Enumerable.Range(0, values.Count))
            .GroupBy(c => values[c])
            .OrderByDescending(g => g.Key)
            .Select(g => g.ToArray())
            .ToList();

    internal static IReadOnlyList<CandidateValue> Values(IReadOnlyList<string> names, IReadOnlyList<decimal> values) =>
        names.Select((name, i) => new CandidateValue(name, values[i])).ToArray();

    private static IReadOnlyList<IReadOnlyList<long>> Rows(long[] matrix, int n) =>
        Enumerable.Range(0, n).Select(i => (IReadOnlyList<long>)matrix.AsSpan(i * n, n).ToArray()).ToArray();
}
