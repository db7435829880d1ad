using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Libraries;

public enum LibraryDecision
{
    Approve,
    Refuse,
}

/// <summary>
/// The administrator approves or refuses a library's registration; its representatives are told by e-mail. A pending
/// library can be approved or refused; a refused one can still be approved (the association changed its mind after
/// hearing from the library); an approved one stays approved, because nominations rest on it.
/// </summary>
public sealed class DecideLibraryRegistration(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links,
    TimeProvider clock) : IUseCase
{
    public const int ReasonMaxLength = 2000;

    public static bool CanApprove(LibraryStatus status) => status != LibraryStatus.Approved;

    public static bool CanRefuse(LibraryStatus status) => status == LibraryStatus.PendingApproval;

    /// <summary>
    /// Moves the library to its new status only if it is still in the status read (two administrators deciding at
    /// once: one wins, the other is told), with the audit entry and one mail per representative in their language,
    /// all in one transaction.
    /// </summary>
    public async Task<Outcome<Library>> RunAsync(int libraryId, LibraryDecision decision, string? reason, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == LibraryDecision.Refuse && reason is null)
            return Refusal.Invalid("Reason", RefusalCode.LibraryRefusalReasonMissing);
        if (reason is { Length: > ReasonMaxLength })
            return Refusal.Invalid("Reason", RefusalCode.LibraryRefusalReasonTooLong);
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == libraryId, cancellationToken) is not { } library)
            return Refusal.NotFound;
        var allowed = decision == LibraryDecision.Approve ? CanApprove(library.Status) : CanRefuse(library.Status);
        if (!allowed)
            return Refusal.Conflict(RefusalCode.LibraryDecisionNotPossible);

        var before = library.Status;
        var after = decision == LibraryDecision.Approve ? LibraryStatus.Approved : LibraryStatus.Refused;
        var refusalReason = decision == LibraryDecision.Refuse ? reason : null;
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Libraries
            .Where(x => x.Id == libraryId && x.Status == before)
            .ExecuteUpdateAsync(set => set
                .SetProperty(x => x.Status, after)
                .SetProperty(x => x.RefusalReason, refusalReason)
                .SetProperty(x => x.DecidedAt, now), cancellationToken);
        if (changed == 0)
            return Refusal.Conflict(RefusalCode.LibraryDecisionNotPossible);

        audit.Record(decision == LibraryDecision.Approve ? "library.approved" : "library.refused", nameof(Library), libraryId,
            before: new { Status = before, library.RefusalReason },
            after: new { Status = after, RefusalReason = refusalReason },
            reason: refusalReason);
        var librariesUrl = links.To("/Libraries");
        foreach (var representative in await LibraryContacts.RepresentativesAsync(db, libraryId, cancellationToken))
        {
            MailTemplate message = decision == LibraryDecision.Approve
                ? new LibraryApprovedMail(representative.Name, LibraryName.Of(library), librariesUrl)
                : new LibraryRefusedMail(representative.Name, LibraryName.Of(library), refusalReason!, librariesUrl);
            outbox.Enqueue(message, representative.Email, representative.Name, representative.Culture,
                $"{libraryId}:{representative.UserId}:{now.ToUnixTimeMilliseconds()}");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.DeliverSoon();
        return await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == libraryId, cancellationToken);
    }
}
