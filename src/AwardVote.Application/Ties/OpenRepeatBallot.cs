using AwardVote.Application.Jury;
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
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Ties;

/// <summary>A category whose final the count left undecided, with the nominations a repeat ballot would judge.</summary>
public sealed record RepeatBallotNeed(int CategoryId, IReadOnlyList<(int Id, string Name)> Nominations);

/// <summary>
/// Opens a repeat ballot for every category whose final the count left undecided and the statute sends to a repeat
/// ballot (not those the chair's casting vote settled): one more round among the tied, with the cycle back in judging
/// and the panel told by mail. Administrators only; everything in one save, so nothing is half opened.
/// </summary>
public sealed class OpenRepeatBallot(AppDbContext db, Outbox outbox, AuditLog audit, MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
{
    /// <summary>The categories of the cycle's last counted round that wait for a repeat ballot, with the nominations it would judge.</summary>
    public static async Task<IReadOnlyList<RepeatBallotNeed>> NeededAsync(AppDbContext db, AwardCycle cycle, CancellationToken cancellationToken)
    {
        var last = cycle.Rounds.MaxBy(r => r.Number);
        if (last is null)
            return [];
        var results = await db.RoundResults.AsNoTracking().Where(r => r.RoundId == last.Id).ToListAsync(cancellationToken);
        var resultIds = results.Select(r => r.Id).ToList();
        var settled = await db.CastingVotes.Where(v => resultIds.Contains(v.RoundResultId)).Select(v => v.RoundResultId).ToListAsync(cancellationToken);
        var needed = new List<RepeatBallotNeed>();
        foreach (var result in results.Where(r => !settled.Contains(r.Id)).OrderBy(r => r.CategoryId))
        {
            var protocol = CountProtocol.FromJson(result.ProtocolJson);
            if (TieRules.Need(protocol) is not (TieNeed.RepeatBallot or TieNeed.CastingVoteOrRepeatBallot))
                continue;
            // An unmet win rule repeats among everyone the round judged; a tie, among the tied.
            var names = protocol.Outcome == CountOutcome.RepeatBallotRequired ? protocol.Candidates : TieRules.TiedForFirst(protocol);
            var candidates = await RoundCandidates.ForAsync(db, cycle, last, result.CategoryId, cancellationToken);
            needed.Add(new RepeatBallotNeed(result.CategoryId, candidates.Where(c => names.Contains(c.Name)).ToList()));
        }
        return needed;
    }

    /// <param name="closesAt">When the repeat ballot closes; null when the caller could not read a time that exists.</param>
    public async Task<Outcome> RunAsync(int cycleId, DateTimeOffset? closesAt, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.Include(c => c.Rounds).Include(c => c.Schedule).Include(c => c.Categories).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null)
            return Refusal.NotFound;
        if (closesAt is not { } closes)
            return Refusal.Invalid("ClosesAt", RefusalCode.RepeatBallotTimeMissing);
        var now = clock.GetUtcNow();
        switch (RepeatBallots.Check(cycle, closes, now))
        {
            case RepeatBallots.Problem.NotInReview: return Refusal.Conflict(RefusalCode.RepeatBallotNotInReview);
            case RepeatBallots.Problem.ClosesTooSoon: return Refusal.Invalid("ClosesAt", RefusalCode.RepeatBallotClosesTooSoon);
            case RepeatBallots.Problem.ClosesTooLate: return Refusal.Invalid("ClosesAt", RefusalCode.RepeatBallotClosesTooLate);
        }
        var needed = await NeededAsync(db, cycle, cancellationToken);
        if (needed.Count == 0)
            return Refusal.Conflict(RefusalCode.NoRepeatBallotNeeded);

        var repeated = cycle.Rounds.MaxBy(r => r.Number)!;
        var (round, judging) = RepeatBallots.Add(cycle, repeated, closes, now);
        // The repeat round judges what the repeated round shortlists, as any later round does.
        foreach (var need in needed)
            db.Shortlist.AddRange(need.Nominations.Select((n, i) => new ShortlistEntry
                { RoundId = repeated.Id, CategoryId = need.CategoryId, NominationId = n.Id, Position = i + 1 }));
        audit.Record("round.repeat-ballot-opened", "Cycle", cycle.Id,
            after: new { Round = round.Number, ClosesAt = closes, Categories = needed.Select(n => new { n.CategoryId, Nominations = n.Nominations.Select(x => x.Name) }) },
            cycleId: cycle.Id);
        await QueueMailsAsync(cycle, round, needed, closes, cancellationToken);
        try
        {
            if (!await CycleTransitions.MoveAsync(db, audit, cycle, judging, now, "Repeat ballot", "cycle.phase-moved", cancellationToken))
                return Refusal.Conflict(RefusalCode.RepeatBallotAlreadyOpened);
        }
        catch (DbUpdateException)
        {
            // Another administrator opened it first: the round's (cycle, number) key kept one.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.RepeatBallotAlreadyOpened);
        }
        mail.DeliverSoon();
        return Outcome.Done;
    }

    private async Task QueueMailsAsync(AwardCycle cycle, Round round, IReadOnlyList<RepeatBallotNeed> needed, DateTimeOffset closesAt,
        CancellationToken cancellationToken)
    {
        foreach (var need in needed)
        {
            var category = cycle.Categories.Single(c => c.Id == need.CategoryId);
            var jurorIds = await JuryMembership.JurorsOfAsync(db, cycle.Id, need.CategoryId, cancellationToken);
            var jurors = await db.Users.Where(u => jurorIds.Contains(u.Id) && u.Email != null)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(cancellationToken);
            foreach (var juror in jurors)
            {
                var message = new RepeatBallotMail(juror.DisplayName, MailTexts.Pick(cycle.Title, cycle.TitleEn, juror.PreferredCulture),
                    MailTexts.Pick(category.Name, category.NameEn, juror.PreferredCulture),
                    need.Nominations.Select(n => n.Name).ToList(), MailTexts.Deadline(closesAt, cycle.TimeZone, juror.PreferredCulture),
                    links.To($"/Jury?cycleId={cycle.Id}&categoryId={need.CategoryId}"));
                outbox.Enqueue(message, juror.Email!, juror.DisplayName, juror.PreferredCulture, $"{cycle.Id}:{round.Number}:{need.CategoryId}:{juror.Id}");
            }
        }
    }
}
