using System.Globalization;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Application.Counting;
using AwardVote.Application.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Web.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AwardVote.Web.Ties;

/// <summary>
/// Opens a repeat ballot for every category whose final the count left undecided and the statute sends to a repeat
/// ballot (not those the chair's casting vote settled): one more round among the tied, with the cycle back in judging
/// and the panel told by mail. Administrators only; everything in one save, so nothing is half opened.
/// </summary>
public sealed class RepeatBallotDesk(AppDbContext db, JuryMembership jury, Outbox outbox, AuditLog audit, TimeProvider clock,
    IOptions<MailOptions> mailOptions)
{
    public enum Outcome { Opened, NotFound, NotInReview, NotNeeded, ClosesTooSoon, ClosesTooLate, AlreadyOpened }

    /// <summary>The categories of the cycle's last counted round that wait for a repeat ballot, with the nominations it would judge.</summary>
    public async Task<IReadOnlyList<(int CategoryId, IReadOnlyList<(int Id, string Name)> Nominations)>> NeededAsync(AwardCycle cycle,
        CancellationToken cancellationToken)
    {
        var last = cycle.Rounds.MaxBy(r => r.Number);
        if (last is null)
            return [];
        var results = await db.RoundResults.AsNoTracking().Where(r => r.RoundId == last.Id).ToListAsync(cancellationToken);
        var resultIds = results.Select(r => r.Id).ToList();
        var settled = await db.CastingVotes.Where(v => resultIds.Contains(v.RoundResultId)).Select(v => v.RoundResultId).ToListAsync(cancellationToken);
        var needed = new List<(int, IReadOnlyList<(int, string)>)>();
        foreach (var result in results.Where(r => !settled.Contains(r.Id)).OrderBy(r => r.CategoryId))
        {
            var protocol = CountProtocol.FromJson(result.ProtocolJson);
            if (TieRules.Need(protocol) is not (TieNeed.RepeatBallot or TieNeed.CastingVoteOrRepeatBallot))
                continue;
            // An unmet win rule repeats among everyone the round judged; a tie, among the tied.
            var names = protocol.Outcome == CountOutcome.RepeatBallotRequired ? protocol.Candidates : TieRules.TiedForFirst(protocol);
            var candidates = await RoundCandidates.ForAsync(db, cycle, last, result.CategoryId, cancellationToken);
            needed.Add((result.CategoryId, candidates.Where(c => names.Contains(c.Name)).ToList()));
        }
        return needed;
    }

    public async Task<Outcome> OpenAsync(int cycleId, DateTimeOffset closesAt, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.Include(c => c.Rounds).Include(c => c.Schedule).Include(c => c.Categories).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null)
            return Outcome.NotFound;
        var now = clock.GetUtcNow();
        switch (RepeatBallots.Check(cycle, closesAt, now))
        {
            case RepeatBallots.Problem.NotInReview: return Outcome.NotInReview;
            case RepeatBallots.Problem.ClosesTooSoon: return Outcome.ClosesTooSoon;
            case RepeatBallots.Problem.ClosesTooLate: return Outcome.ClosesTooLate;
        }
        var needed = await NeededAsync(cycle, cancellationToken);
        if (needed.Count == 0)
            return Outcome.NotNeeded;

        var repeated = cycle.Rounds.MaxBy(r => r.Number)!;
        var (round, judging) = RepeatBallots.Add(cycle, repeated, closesAt, now);
        // The repeat round judges what the repeated round shortlists, as any later round does.
        foreach (var (categoryId, nominations) in needed)
            db.Shortlist.AddRange(nominations.Select((n, i) => new ShortlistEntry
                { RoundId = repeated.Id, CategoryId = categoryId, NominationId = n.Id, Position = i + 1 }));
        audit.Record("round.repeat-ballot-opened", "Cycle", cycle.Id,
            after: new { Round = round.Number, ClosesAt = closesAt, Categories = needed.Select(n => new { n.CategoryId, Nominations = n.Nominations.Select(x => x.Name) }) },
            cycleId: cycle.Id);
        await QueueMailsAsync(cycle, round, needed, closesAt, cancellationToken);
        try
        {
            return await CycleTransitions.MoveAsync(db, audit, cycle, judging, now, "Repeat ballot", "cycle.phase-moved", cancellationToken)
                ? Outcome.Opened
                : Outcome.AlreadyOpened;
        }
        catch (DbUpdateException)
        {
            // Another administrator opened it first: the round's (cycle, number) key kept one.
            db.ChangeTracker.Clear();
            return Outcome.AlreadyOpened;
        }
    }

    private async Task QueueMailsAsync(AwardCycle cycle, Round round, IReadOnlyList<(int CategoryId, IReadOnlyList<(int Id, string Name)> Nominations)> needed,
        DateTimeOffset closesAt, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(cycle.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var closes = TimeZoneInfo.ConvertTime(closesAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        foreach (var (categoryId, nominations) in needed)
        {
            var category = cycle.Categories.Single(c => c.Id == categoryId);
            var jurorIds = await jury.JurorsOfAsync(cycle.Id, categoryId);
            var jurors = await db.Users.Where(u => jurorIds.Contains(u.Id) && u.Email != null)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(cancellationToken);
            foreach (var juror in jurors)
            {
                var english = juror.PreferredCulture == "en";
                var mail = new RepeatBallotMail(juror.DisplayName, english && !string.IsNullOrWhiteSpace(cycle.TitleEn) ? cycle.TitleEn : cycle.Title,
                    english && !string.IsNullOrWhiteSpace(category.NameEn) ? category.NameEn : category.Name,
                    nominations.Select(n => n.Name).ToList(), closes, $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/Jury?cycleId={cycle.Id}&categoryId={categoryId}");
                outbox.Enqueue(mail, juror.Email!, juror.DisplayName, juror.PreferredCulture, $"{cycle.Id}:{round.Number}:{categoryId}:{juror.Id}");
            }
        }
    }

    public static string Describe(Outcome outcome, IStringLocalizer l) => outcome switch
    {
        Outcome.NotInReview => l["A repeat ballot is opened while the results are in review."],
        Outcome.NotNeeded => l["No category of the last round waits for a repeat ballot."],
        Outcome.ClosesTooSoon => l["The repeat ballot must close at least an hour from now."],
        Outcome.ClosesTooLate => l["The repeat ballot must close within a year."],
        Outcome.AlreadyOpened => l["The repeat ballot has already been opened."],
        _ => l["The repeat ballot could not be opened."],
    };
}
