using AwardVote.Application.Counting;
using AwardVote.Application.Privacy;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using AwardVote.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Exports;

/// <summary>What an export gives: a table, or the reason it is refused.</summary>
public sealed record ExportOutcome(ExportTable? Table, string? Refusal)
{
    public static ExportOutcome Refused(string reason) => new(null, reason);
}

/// <summary>
/// The administrator's exports of a cycle, in the request's language: nominations, the score ballots of a closed
/// round with their comments, and the counted results. Scores leave the system only after their round closes,
/// the same rule as every page; a secret statute names jurors by the codes of the count's ballot file.
/// </summary>
public sealed class CycleExports(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, Pseudonyms pseudonyms)
{
    public async Task<ExportTable> NominationsAsync(AwardCycle cycle, CancellationToken cancellationToken)
    {
        var categories = await CategoryNamesAsync(cycle.Id, cancellationToken);
        var libraries = await db.Libraries.AsNoTracking()
            .Where(x => db.Nominations.Any(n => n.CycleId == cycle.Id && (n.LibraryId == x.Id || n.NominatedByLibraryId == x.Id)))
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var nominations = await db.Nominations.AsNoTracking()
            .Include(n => n.Statistics).Include(n => n.Partners)
            .Where(n => n.CycleId == cycle.Id)
            .OrderBy(n => n.CategoryId).ThenBy(n => n.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var ids = nominations.Select(n => n.Id).ToList();
        var endorsements = await db.Endorsements
            .Where(e => ids.Contains(e.NominationId) && e.Status == EndorsementStatus.Received)
            .GroupBy(e => e.NominationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var attachments = await db.Attachments
            .Where(a => ids.Contains(a.NominationId))
            .GroupBy(a => a.NominationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        StatisticKind[] kinds = [StatisticKind.RegisteredUsers, StatisticKind.Visits, StatisticKind.Events, StatisticKind.Loans];
        var table = new ExportTable(l["Nominations"],
        [
            l["Nomination ID"], l["Library"], l["Region"], l["Municipality"], l["Category"], l["Status"], l["Eligibility"],
            l["Eligibility reason"], l["Submitted at ({0})", cycle.TimeZone], l["Nominated by"], l["Public summary"],
            .. kinds.Select(k => DisplayNames.Statistic(k, l)),
            l["Statistics year"], l["Partners"], l["Letters of support"], l["Attachments"],
        ]);
        foreach (var n in nominations)
        {
            var library = libraries[n.LibraryId];
            // The latest year the nomination reports, so the figures of one row belong together.
            var year = n.Statistics.Where(s => kinds.Contains(s.Kind)).Select(s => (int?)s.Year).Max();
            table.Add([
                n.Id, library.Name, library.Region, library.Municipality, categories[n.CategoryId],
                DisplayNames.NominationStatus(n.Status, l), DisplayNames.Eligibility(n.Eligibility, l), n.EligibilityReason,
                n.SubmittedAt is { } submitted ? Time(submitted, cycle) : null,
                n.NominatedByLibraryId is { } by && libraries.TryGetValue(by, out var nominator) ? nominator.Name : null,
                n.PublicSummary,
                .. kinds.Select(k => (ExportCell)n.Statistics.FirstOrDefault(s => s.Kind == k && s.Year == year)?.Value),
                year, n.Partners.Count, endorsements.GetValueOrDefault(n.Id), attachments.GetValueOrDefault(n.Id),
            ]);
        }
        return table;
    }

    /// <summary>
    /// Every score ballot of one round: juror, nomination, each criterion's score, the weighted mean and the comment
    /// for the nominee (never the juror's private notes). Refused while the round is open, by the server's clock.
    /// Ballots of a confirmed conflict are left out, as the count leaves them out.
    /// </summary>
    public async Task<ExportOutcome> ScoresAsync(AwardCycle cycle, int roundNumber, CancellationToken cancellationToken)
    {
        var round = cycle.Rounds.SingleOrDefault(r => r.Number == roundNumber && r.Kind == BallotKind.Score);
        if (round is null)
            return ExportOutcome.Refused(l["This cycle has no scoring round {0}.", roundNumber]);
        if (!JudgingRules.RoundIsClosed(cycle, round.Number, clock.GetUtcNow()))
        {
            return ExportOutcome.Refused(JudgingRules.RoundClosesAt(cycle, round.Number) is { } closes
                ? l["Round {0} is still open until {1}: no score or comment leaves the system before the round closes.", round.Number, DisplayNames.Deadline(closes, cycle.TimeZone)]
                : l["Round {0} is not closed: no score or comment leaves the system before the round closes.", round.Number]);
        }
        // Closed is not enough: the scores leave only with the count, so no reading can come before the result is fixed.
        if (!await CountedRounds.IsCountedAsync(db, round.Id, null, cancellationToken))
            return ExportOutcome.Refused(l["Round {0} is closed but not counted yet: the scores can be exported once it is counted, within a minute or two.", round.Number]);

        var criteria = cycle.Criteria.OrderBy(c => c.Order).ToList();
        var categories = await CategoryNamesAsync(cycle.Id, cancellationToken);
        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycle.Id)
            .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, n.CategoryId, n.Status, n.Eligibility, x.Name })
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        var previous = cycle.Rounds.SingleOrDefault(r => r.Number == round.Number - 1);
        var shortlisted = previous is null
            ? null
            : (await db.Shortlist.Where(s => s.RoundId == previous.Id).Select(s => s.NominationId).ToListAsync(cancellationToken)).ToHashSet();
        var conflicts = (await db.Conflicts
                .Where(c => c.CycleId == cycle.Id && c.Status == ConflictStatus.Confirmed)
                .Select(c => new { c.JurorUserId, c.NominationId })
                .ToListAsync(cancellationToken))
            .Select(c => (c.JurorUserId, c.NominationId))
            .ToHashSet();
        var allBallots = (await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
                .Where(b => b.RoundId == round.Id)
                .ToListAsync(cancellationToken))
            .Where(b => nominations.ContainsKey(b.NominationId))
            .ToList();
        var jurorNames = await JurorNamesAsync(cycle, allBallots, nominations.ToDictionary(n => n.Key, n => n.Value.CategoryId),
            id => nominations[id] is var n && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible
                  && (shortlisted is null || shortlisted.Contains(id)),
            cancellationToken);
        var ballots = allBallots.Where(b => !conflicts.Contains((b.JurorUserId, b.NominationId))).ToList();
        string Juror(Domain.Judging.ScoreBallot b) => jurorNames[(b.JurorUserId, nominations[b.NominationId].CategoryId)];

        var table = new ExportTable(l["Scores, round {0}", round.Number],
        [
            l["Round"], l["Category"], l["Juror"], l["Nomination ID"], l["Nomination"], l["Abstained"], l["Paper ballot"],
            .. criteria.Select(c => l["{0} (weight {1})", DisplayNames.Pick(c.Name, c.NameEn), DisplayNames.Number(c.Weight)].Value),
            l["Weighted mean"], l["Comment for the nominee"],
        ]);
        foreach (var ballot in ballots
                     .OrderBy(b => categories[nominations[b.NominationId].CategoryId], StringComparer.CurrentCulture)
                     .ThenBy(b => nominations[b.NominationId].Name, StringComparer.CurrentCulture)
                     .ThenBy(Juror, StringComparer.Ordinal))
        {
            var nomination = nominations[ballot.NominationId];
            table.Add([
                round.Number, categories[nomination.CategoryId], Juror(ballot), nomination.Id, nomination.Name,
                ballot.Abstained ? l["yes"] : l["no"], ballot.IsPaperBallot ? l["yes"] : l["no"],
                .. criteria.Select(c => (ExportCell)(ballot.Abstained ? null : ballot.Scores.FirstOrDefault(s => s.CriterionId == c.Id)?.Score)),
                ProgressRules.WeightedMean(ballot, criteria) is { } mean ? Math.Round(mean, 4) : (decimal?)null,
                ballot.Comment,
            ]);
        }
        return new ExportOutcome(table, null);
    }

    /// <summary>Each counted round's order, per category, with the figures its method produced.</summary>
    public async Task<ExportTable> ResultsAsync(AwardCycle cycle, CancellationToken cancellationToken)
    {
        var categories = await CategoryNamesAsync(cycle.Id, cancellationToken);
        var rounds = cycle.Rounds.ToDictionary(r => r.Id);
        var roundIds = rounds.Keys.ToList();
        var results = (await db.RoundResults.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(cancellationToken))
            .OrderBy(r => rounds[r.RoundId].Number).ThenBy(r => categories[r.CategoryId], StringComparer.CurrentCulture);
        var table = new ExportTable(l["Results"],
        [
            l["Round"], l["Category"], l["Method"], l["Outcome"], l["Place"], l["Nomination"], l["Jurors or voters"],
            l["Weighted mean"], l["Median"], l["Normalised mean (z-score)"], l["Borda points"], l["First preferences"],
            l["Pairwise wins (Schulze)"], l["Votes in the last instant-runoff round"], l["Shortlisted"], l["Ballot file SHA-256"],
        ]);
        var protocols = await PublishedProtocols.ForAsync(db, pseudonyms, results.ToList(), cancellationToken);
        foreach (var result in results)
        {
            var protocol = protocols[result.Id];
            var round = rounds[result.RoundId];
            foreach (var place in protocol.Order)
            {
                var score = protocol.Score?.Nominations.FirstOrDefault(n => n.Name == place.Name);
                table.Add([
                    round.Number, categories[result.CategoryId], DisplayNames.CountingMethod(round.Method, l), Outcome(protocol.Outcome),
                    place.Rank, place.Name, score is null ? (decimal)protocol.Voters : score.Jurors,
                    (decimal?)(score is null ? null : Math.Round(score.Mean, 4)), (decimal?)(score is null ? null : Math.Round(score.Median, 4)),
                    (decimal?)(score is null ? null : Math.Round(score.Normalised, 4)),
                    Value(protocol.BordaPoints, place.Name), Value(protocol.FirstPreferences, place.Name),
                    PairwiseWins(protocol, place.Name),
                    protocol.InstantRunoffRounds is [.., var last] ? Value(last.Counts, place.Name) : (decimal?)null,
                    protocol.Score is { Shortlist.Count: > 0 } s ? (s.Shortlist.Contains(place.Name) ? l["yes"] : l["no"]).Value : null,
                    result.BallotFileSha256,
                ]);
            }
        }
        return table;
    }

    private string Outcome(CountOutcome outcome) => outcome switch
    {
        CountOutcome.Decided => l["Decided"],
        CountOutcome.RepeatBallotRequired => l["Repeat ballot required"],
        CountOutcome.UnbrokenTie => l["Unbroken tie"],
        _ => l["No ballots"],
    };

    private static decimal? Value(IReadOnlyList<CandidateValue>? values, string name) =>
        values?.FirstOrDefault(v => v.Name == name)?.Value;

    /// <summary>How many others the candidate beats on strongest paths: the Schulze order's reason in one number.</summary>
    private static int? PairwiseWins(CountProtocol protocol, string name)
    {
        if (protocol.Schulze is not { } schulze || protocol.Candidates.ToList().IndexOf(name) is var i && i < 0)
            return null;
        var paths = schulze.StrongestPaths;
        return Enumerable.Range(0, protocol.Candidates.Count).Count(j => j != i && paths[i][j] > paths[j][i]);
    }

    /// <summary>
    /// A secret statute names each juror by the count's code for the round and category (the ballot file's
    /// "juror-01"); one that lets jurors see each other's scores after close names them. A juror the count did not
    /// number (only abstentions) gets the next free code.
    /// </summary>
    private async Task<Dictionary<(string Juror, int Category), string>> JurorNamesAsync(AwardCycle cycle, List<Domain.Judging.ScoreBallot> ballots,
        Dictionary<int, int> categoryOf, Func<int, bool> counted, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string, int), string>();
        Dictionary<string, string>? people = null;
        if (cycle.Secrecy == ScoreSecrecy.VisibleToJuryAfterClose)
            people = await PeopleNames.ForAsync(db, pseudonyms, ballots.Select(b => b.JurorUserId), cancellationToken);
        // Codes are per category, as each category is counted on its own (with conflicted ballots still numbered).
        foreach (var category in ballots.GroupBy(b => categoryOf[b.NominationId]))
        {
            var codes = AnonymousJurors.Codes(category.Where(b => !b.Abstained && counted(b.NominationId)).Select(b => b.JurorUserId));
            var next = codes.Count;
            foreach (var juror in category.Select(b => b.JurorUserId).Distinct().Order(StringComparer.Ordinal))
            {
                names[(juror, category.Key)] = people is not null
                    ? PersonWords.Name(people[juror], l)
                    : codes.GetValueOrDefault(juror) ?? $"juror-{++next:00}";
            }
        }
        return names;
    }

    private Task<Dictionary<int, string>> CategoryNamesAsync(int cycleId, CancellationToken cancellationToken) =>
        db.Categories.Where(c => c.CycleId == cycleId)
            .ToDictionaryAsync(c => c.Id, c => DisplayNames.Pick(c.Name, c.NameEn), cancellationToken);

    private static string Time(DateTimeOffset utc, AwardCycle cycle) =>
        TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(cycle.TimeZone)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
