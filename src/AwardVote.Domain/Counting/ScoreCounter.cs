using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Counting;

public sealed record ScoreCountOptions
{
    /// <summary>Criterion weights; a criterion not listed weighs 1.</summary>
    public IReadOnlyDictionary<string, decimal> Weights { get; init; } = new Dictionary<string, decimal>();
    public int? ShortlistSize { get; init; }
    public IReadOnlyList<TieBreakLink> TieBreakChain { get; init; } = [];
    public WinRequirement? WinRule { get; init; }
}

/// <summary>
/// Counts a score round: per juror and nomination the weighted mean of the criteria; per nomination the mean and the
/// median over the jurors who scored it (abstaining or recused jurors are left out, hence means, not sums) and the
/// mean of per-juror z-scores. The order is by mean; the other two measures feed the sensitivity line.
/// </summary>
public static class ScoreCounter
{
    public static CountProtocol Count(IReadOnlyList<ScoreLine> entries, ScoreCountOptions? options = null)
    {
        options ??= new ScoreCountOptions();
        var canonical = ScoreBallotFile.Canonical(entries).ToArray();
        var names = canonical.Select(e => e.Nomination).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var criteria = canonical.Select(e => e.Criterion).Distinct().Order(StringComparer.Ordinal).ToArray();
        decimal WeightOf(string criterion) => options.Weights.TryGetValue(criterion, out var w) ? w : 1m;

        // Juror → nomination → weighted mean of the criteria the juror scored.
        var jurorMeans = canonical
            .Where(e => e.Score is not null)
            .GroupBy(e => (e.Juror, e.Nomination))
            .Select(g =>
            {
                var weight = g.Sum(e => WeightOf(e.Criterion));
                return (g.Key.Juror, g.Key.Nomination, Mean: weight == 0 ? 0 : g.Sum(e => WeightOf(e.Criterion) * e.Score!.Value) / weight);
            })
            .ToArray();
        var jurors = canonical.Select(e => e.Juror).Distinct().Count();

        var zScores = jurorMeans.GroupBy(x => x.Juror).SelectMany(g =>
        {
            var values = g.Select(x => (double)x.Mean).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
            // A juror who gave everyone the same score says nothing about order: 0, not a division by zero.
            return g.Select(x => (x.Nomination, Z: sd == 0 ? 0 : (x.Mean - (decimal)mean) / (decimal)sd));
        }).ToLookup(x => x.Nomination, x => x.Z);

        var n = names.Length;
        var means = new decimal[n];
        var medians = new decimal[n];
        var normalised = new decimal[n];
        var firstPlaces = new decimal[n];
        var nominations = new ScoreNomination[n];
        foreach (var juror in jurorMeans.GroupBy(x => x.Juror))
        {
            var best = juror.Max(x => x.Mean);
            var top = juror.Where(x => x.Mean == best).ToArray();
            foreach (var x in top)
                firstPlaces[index[x.Nomination]] += 1m / top.Length;
        }
        for (var i = 0; i < n; i++)
        {
            var scored = jurorMeans.Where(x => x.Nomination == names[i]).Select(x => x.Mean).Order().ToArray();
            means[i] = scored.Length == 0 ? 0 : scored.Average();
            medians[i] = Median(scored);
            // Rounded so that floating-point noise cannot make or break a tie.
            normalised[i] = Math.Round(zScores[names[i]].DefaultIfEmpty().Average(), 9);
            var criterionMeans = criteria.Select(c =>
            {
                var scores = canonical.Where(e => e.Nomination == names[i] && e.Criterion == c && e.Score is not null)
                    .Select(e => e.Score!.Value).ToArray();
                return new CandidateValue(c, scores.Length == 0 ? 0 : scores.Average());
            }).ToArray();
            nominations[i] = new ScoreNomination(names[i], scored.Length, means[i], medians[i], normalised[i], criterionMeans);
        }

        var chain = new TieBreakChain(options.TieBreakChain, names, (link, candidate) => link.Rule switch
        {
            TieBreakRule.HigherMeanOnCriterion when link.Criterion is not null =>
                nominations[candidate].CriterionMeans.FirstOrDefault(c => c.Name == link.Criterion)?.Value,
            TieBreakRule.HigherMedian => medians[candidate],
            TieBreakRule.MoreFirstPreferences => firstPlaces[candidate],
            _ => null,
        });
        var order = chain.ApplyToOrder(RankedCounter.OrderByValue(means), out var firstPlaceUnbroken);

        var shortlist = new List<string>();
        string? cutTie = null;
        if (options.ShortlistSize is { } size)
        {
            var placed = 0;
            foreach (var group in order)
            {
                if (placed >= size)
                    break;
                if (placed + group.Length > size)
                {
                    cutTie = $"tie at the shortlist cut ({size}) between {string.Join(", ", group.Select(c => names[c]).Order(StringComparer.Ordinal))}: " +
                             "the tie-break chain does not separate them; needs a repeat ballot or the chair's casting vote";
                    break;
                }
                shortlist.AddRange(group.Select(c => names[c]).Order(StringComparer.Ordinal));
                placed += group.Length;
            }
        }

        var protocol = new CountProtocol
        {
            Method = "score",
            Candidates = names,
            Voters = jurors,
            BallotFileSha256 = BallotFileWriter.Sha256Hex(ScoreBallotFile.Write(canonical)),
            TieBreakChain = options.TieBreakChain,
            WinRequirement = options.WinRule,
            Order = TieBreakChain.Placements(order, names),
            TieBreaks = chain.Applications,
            Score = new ScoreSteps(
                criteria.Select(c => new CandidateValue(c, WeightOf(c))).ToArray(),
                nominations, options.ShortlistSize, shortlist,
                Sensitivity(names, options.ShortlistSize, means, medians, normalised)),
        };

        if (options.ShortlistSize is not null)
        {
            if (n == 0)
                return protocol with { Outcome = CountOutcome.NoBallots, OutcomeReason = "no scores: nothing to decide" };
            return cutTie is null
                ? protocol with { Outcome = CountOutcome.Decided, OutcomeReason = $"shortlist: {string.Join(", ", shortlist)}" }
                : protocol with { Outcome = CountOutcome.UnbrokenTie, OutcomeReason = cutTie };
        }
        return RankedCounter.Decide(protocol, order, firstPlaceUnbroken, options.WinRule, firstPlaces,
            (winner, other) => means[winner] - means[other], jurorMeans.Length == 0);
    }

    private static decimal Median(decimal[] sorted) => sorted.Length switch
    {
        0 => 0,
        var length when length % 2 == 1 => sorted[length / 2],
        var length => (sorted[length / 2 - 1] + sorted[length / 2]) / 2,
    };

    private static SensitivityLine Sensitivity(string[] names, int? shortlistSize, params decimal[][] measures)
    {
        string[] labels = ["mean", "median", "normalised"];
        var lines = measures.Select((values, m) =>
        {
            var order = RankedCounter.OrderByValue(values);
            var winners = order.Count == 0 ? [] : order[0].Select(c => names[c]).Order(StringComparer.Ordinal).ToArray();
            // Everyone level with the last place on the shortlist is in: the line shows what could change, not a tie-break.
            var shortlist = new List<string>();
            if (shortlistSize is { } size)
                foreach (var group in order.TakeWhile(_ => shortlist.Count < size))
                    shortlist.AddRange(group.Select(c => names[c]));
            return new SensitivityMeasure(labels[m], winners, shortlist.Order(StringComparer.Ordinal).ToArray());
        }).ToArray();
        var winnerChanges = lines.Any(l => !l.Winners.SequenceEqual(lines[0].Winners));
        var shortlistChanges = lines.Any(l => !l.Shortlist.SequenceEqual(lines[0].Shortlist));
        var summary = string.Join("; ", lines.Select(l =>
            $"{l.Measure}: winner {string.Join(" = ", l.Winners)}" + (shortlistSize is null ? "" : $", shortlist {string.Join(", ", l.Shortlist)}")));
        summary += winnerChanges || shortlistChanges
            ? $" — CHANGES under another measure ({(winnerChanges ? "winner" : "")}{(winnerChanges && shortlistChanges ? ", " : "")}{(shortlistChanges ? "shortlist" : "")})"
            : " — the same under every measure";
        return new SensitivityLine(lines, winnerChanges, shortlistChanges, summary);
    }
}
