using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

public sealed class RepeatRoundInput
{
    /// <summary>The cycle's version the form or the client read; a client may leave it out.</summary>
    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Write the reason for repeating the round: the jurors read it, and the audit log keeps it.")]
    [StringLength(1000, ErrorMessage = "The reason is too long.")]
    [Display(Name = "Reason")]
    public string Reason { get; set; } = "";

    /// <summary>When the repeated round closes: the step after it starts then.</summary>
    [Required(ErrorMessage = "Give the time the repeated round closes.")]
    [Display(Name = "Closes at")]
    public DateTimeOffset? ClosesAt { get; set; }
}

/// <summary>
/// The one way back into a closed judging round (issue 14): the administrator repeats the last closed round. Its count
/// is discarded (results, casting votes, the shortlist it made), the cycle returns to the round's judging step with
/// a new close, every juror and chair of the cycle is told why by mail, and the audit log keeps the reason, all in one
/// transaction. The ballots stay, for the jurors to confirm or change. Moving the phase back cannot do this
/// (<see cref="MovePhase"/> refuses once the round holds a ballot), so reading the scores and reopening the round
/// quietly is not possible: a repeat is announced to every juror.
/// </summary>
public sealed class RepeatRound(AppDbContext db, AuditLog audit, Outbox outbox, PublicLinks links, MailSoon mailSoon, TimeProvider clock) : IUseCase
{
    public const string Action = "cycle.round-repeated";

    public async Task<Outcome<AwardCycle>> RunAsync(int cycleId, RepeatRoundInput input, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.Include(c => c.Schedule).Include(c => c.Rounds).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null)
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<AwardCycle>.Refused(invalid);
        var now = clock.GetUtcNow();
        var current = PhasePlan.CurrentStep(cycle);
        // After a judging round and before publication: a published result is corrected, not recounted.
        if (current is null || cycle.Phase is not (CyclePhase.Shortlist or CyclePhase.Counting or CyclePhase.ResultsReview))
            return Refusal.Conflict(RefusalCode.RoundRepeatNotPossible);
        var judging = cycle.Schedule.Where(s => s.Phase == CyclePhase.Judging && s.Sequence < current.Sequence).MaxBy(s => s.Sequence);
        var round = judging is null ? null : cycle.Rounds.SingleOrDefault(r => r.Number == judging.RoundNumber);
        // A tie's repeat ballot is a round of its own, counted from this one: repeating under it would orphan it.
        if (judging is null || round is null || cycle.Rounds.Any(r => r.RepeatOfRoundId == round.Id))
            return Refusal.Conflict(RefusalCode.RoundRepeatNotPossible);
        var closesAt = input.ClosesAt!.Value;
        var next = cycle.Schedule.Where(s => s.Sequence > judging.Sequence).MinBy(s => s.Sequence)!;
        if (closesAt <= now || cycle.Schedule.Any(s => s.Sequence > next.Sequence && s.StartsAt is { } starts && starts <= closesAt))
            return Refusal.Invalid(nameof(RepeatRoundInput.ClosesAt), RefusalCode.RoundRepeatCloseNotFitting);
        if (input.Version is { } version)
        {
            if (version != cycle.Version)
                return StatuteEditor.Stale;
            db.Entry(cycle).Property(c => c.Version).OriginalValue = version;
        }

        var before = new { cycle.Phase, cycle.RoundNumber, ClosesAt = next.StartsAt };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resultIds = db.RoundResults.Where(r => r.RoundId == round.Id).Select(r => r.Id);
        await db.CastingVotes.Where(v => resultIds.Contains(v.RoundResultId)).ExecuteDeleteAsync(cancellationToken);
        var discarded = await db.RoundResults.Where(r => r.RoundId == round.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Shortlist.Where(s => s.RoundId == round.Id).ExecuteDeleteAsync(cancellationToken);
        next.StartsAt = closesAt;
        PhasePlan.MoveTo(cycle, judging, now);
        var reason = input.Reason.Trim();
        audit.Record(Action, "Cycle", cycle.Id, before,
            new { cycle.Phase, cycle.RoundNumber, ClosesAt = closesAt, DiscardedResults = discarded }, reason, cycle.Id);

        var jurors = await (
                from grant in db.RoleGrants
                join user in db.Users on grant.UserId equals user.Id
                where grant.CycleId == cycle.Id && (grant.Role == ScopedRole.Juror || grant.Role == ScopedRole.Chair) && user.Email != null
                select new { user.Id, user.DisplayName, user.Email, user.PreferredCulture })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var juror in jurors.DistinctBy(j => j.Id))
        {
            var culture = juror.PreferredCulture == Languages.English ? Languages.English : Languages.Latvian;
            outbox.Enqueue(
                new RoundRepeatedMail(juror.DisplayName, MailTexts.Pick(cycle.Title, cycle.TitleEn, culture), round.Number, reason,
                    MailTexts.Deadline(closesAt, cycle.TimeZone, culture), links.To("/Jury")),
                juror.Email!, juror.DisplayName, culture, $"round-repeated:{round.Id}:{cycle.Version:N}:{juror.Id}");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StatuteEditor.Stale;
        }
        await transaction.CommitAsync(cancellationToken);
        mailSoon.DeliverSoon();
        return cycle;
    }
}
