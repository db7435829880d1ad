using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Jury;

public sealed class RemindJurorsInput
{
    /// <summary>The sender's own words, quoted in every juror's reminder (each gets the rest in their own language).</summary>
    [StringLength(1000, ErrorMessage = "The note can be at most {1} characters long.")]
    [Display(Name = "A personal note (optional)")]
    public string? Note { get; set; }
}

/// <summary>
/// The chair (or an administrator) reminds the panel's jurors with unfinished ballots now, one digest each: the
/// board's button and the API. Nothing is sent once the round is closed or when everyone is done (0 reminded). The
/// mails and the audit entry are one save; each press is its own reminder, a double submit in the same tick one.
/// </summary>
public sealed class RemindJurors(AppDbContext db, PanelProgress progress, JurorReminders reminders, AuditLog audit, MailSoon mail,
    TimeProvider clock) : IUseCase
{
    /// <returns>How many jurors were reminded.</returns>
    public Task<Outcome<int>> RunAsync(int cycleId, int categoryId, CancellationToken cancellationToken) =>
        RunAsync(cycleId, categoryId, null, cancellationToken);

    /// <returns>How many jurors were reminded.</returns>
    public async Task<Outcome<int>> RunAsync(int cycleId, int categoryId, RemindJurorsInput? input, CancellationToken cancellationToken)
    {
        if (input is not null && InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<int>.Refused(invalid);
        var note = string.IsNullOrWhiteSpace(input?.Note) ? null : input.Note.Trim();
        var now = clock.GetUtcNow();
        if (await progress.RunAsync(cycleId, categoryId, now, cancellationToken) is not { } report)
            return Refusal.NotFound;
        if (report.RoundIsClosed || report.Cycle.Phase != CyclePhase.Judging)
            return 0;
        var recipients = await reminders.LateJurorsAsync(cycleId, categoryId, now, cancellationToken);
        if (recipients.Count == 0)
            return 0;
        foreach (var recipient in recipients)
        {
            // The time in the key makes each press its own reminder; a double submit in the same tick stays one.
            await reminders.QueueAsync(report.Cycle, recipient,
                $"{cycleId}:{categoryId}:{report.RoundNumber}:manual:{now.UtcTicks}:{recipient.UserId}", cancellationToken, note);
        }
        audit.Record("jury.reminded", "Category", categoryId,
            after: new { Round = report.RoundNumber, Note = note, Recipients = recipients.Select(r => new { r.UserId, r.Unfinished }).ToList() },
            cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return recipients.Count;
    }
}
