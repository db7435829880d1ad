using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;

namespace AwardVote.Application.Nominations;

/// <summary>
/// The nominee's representative changes a submitted nomination, until the deadline: the one way its text changes after
/// submission, so what the jury, the screening and the exports read is always what was last submitted. The change,
/// its audit entry and a receipt naming what changed (to every representative, in their language) commit together.
/// </summary>
public sealed class ResubmitNomination(AppDbContext db, LoadNomination load, AuditLog audit, Outbox outbox, MailSoon mail,
    PublicLinks links, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Nomination>> RunAsync(int nominationId, NominationInput input, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        if (NominationText.Check(input) is { Count: > 0 } invalid)
            return Outcome<Nomination>.Refused(invalid);
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;
        if (nomination.Status != NominationStatus.Submitted)
            return Refusal.Conflict(RefusalCode.OnlySubmittedCanBeResubmitted);

        // Compared on a scratch copy: a refused resubmission leaves the tracked nomination as it was read.
        var next = new Nomination();
        NominationText.Apply(next, input);
        var was = Parts(nomination);
        var will = Parts(next);
        // The text's parts only: files change through UploadAttachment and DeleteAttachment, with their own receipt.
        var changed = was.Keys.Where(part => was[part] != will[part]).ToList();
        if (changed.Count == 0)
            return Refusal.Conflict(RefusalCode.NothingChangedToResubmit);
        if (string.IsNullOrWhiteSpace(next.PublicSummary) || string.IsNullOrWhiteSpace(next.Achievements))
            return Refusal.Conflict(RefusalCode.NominationTextMissing);

        var before = NominationChanges.Snapshot(nomination);
        NominationText.Apply(nomination, input);
        var at = clock.GetUtcNow();
        nomination.SubmittedAt = at;
        await ResubmissionReceipt.EnqueueAsync(db, outbox, links, cycle, nomination, changed, at, "text", cancellationToken);
        var outcome = await NominationChanges.CommitAsync(db, audit, clock, nomination, input.Version, "nomination.resubmitted", before, cancellationToken);
        if (outcome.Succeeded)
            mail.DeliverSoon();
        return outcome;
    }

    /// <summary>Each part of the nomination as one comparable text, so the receipt names exactly the parts that changed.</summary>
    private static Dictionary<NominationPart, string> Parts(Nomination n) => new()
    {
        [NominationPart.PublicSummary] = n.PublicSummary ?? "",
        [NominationPart.Achievements] = n.Achievements ?? "",
        [NominationPart.Projects] = n.Projects ?? "",
        [NominationPart.Partners] = string.Join("\n", n.Partners.OrderBy(p => p.Order).Select(p => $"{p.Name}\t{p.Role}")),
        [NominationPart.Statistics] = string.Join("\n", n.Statistics.Select(s => $"{s.Kind}\t{s.Label}\t{s.Value:0.####}\t{s.Unit}\t{s.Year}")),
        [NominationPart.Links] = string.Join("\n", n.Links.OrderBy(x => x.Order).Select(x => $"{x.Url}\t{x.Title}")),
    };
}
