using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Libraries;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>A new nomination in one category of a cycle open for nominations.</summary>
public sealed class StartNominationInput
{
    [Display(Name = "Award cycle and category")]
    public int CategoryId { get; set; }

    /// <summary>The library the person acts for (they must be allowed to act for it).</summary>
    [Display(Name = "Your library")]
    public int ActingLibraryId { get; set; }

    /// <summary>Empty: the acting library nominates itself.</summary>
    [Display(Name = "Nominee")]
    public int? NomineeLibraryId { get; set; }
}

/// <summary>
/// A representative of an approved library starts a nomination: of their own library (a draft to write; a library
/// awaiting approval may do this too), or of another approved library, which is told by e-mail and must confirm before the nomination counts. One nomination
/// per library, cycle and category, and that slot is the nominee's: another library's nomination never keeps a library
/// from starting its own. Who may act for the library is <c>LibraryOperations.ActFor</c>, checked before.
/// </summary>
public sealed class StartNomination(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links,
    TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Nomination>> RunAsync(int cycleId, string userId, StartNominationInput input, CancellationToken cancellationToken)
    {
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == input.ActingLibraryId, cancellationToken) is not { } acting)
            return Refusal.NotFound;
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Schedule).Include(c => c.Categories)
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || cycle.Categories.All(c => c.Id != input.CategoryId))
            return Refusal.NotFound;
        if (!PhasePlan.AcceptsNominations(cycle, clock.GetUtcNow()))
            return Refusal.Conflict(RefusalCode.NominationsClosedForCycle);

        var nomineeId = input.NomineeLibraryId ?? acting.Id;
        var byAnother = nomineeId != acting.Id;
        // A library awaiting approval starts its own draft; nominating another library (which mails it) waits for approval.
        if (!LibraryStanding.MayWriteDraft(acting.Status))
            return Refusal.Forbidden;
        if (byAnother && acting.Status != LibraryStatus.Approved)
            return Refusal.Conflict(RefusalCode.ActingLibraryNotApproved);
        var nominee = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == nomineeId, cancellationToken);
        if (nominee is null || (byAnother && nominee.Status != LibraryStatus.Approved))
            return Refusal.Invalid(nameof(input.NomineeLibraryId), RefusalCode.NomineeNotApproved);
        if (await db.Nominations.SingleOrDefaultAsync(n => n.LibraryId == nomineeId && n.CycleId == cycleId && n.CategoryId == input.CategoryId,
                cancellationToken) is { } existing)
        {
            return byAnother ? AlreadyNominated(nominee) : await TakeBackAsync(existing, nominee, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var nomination = new Nomination
        {
            CycleId = cycleId,
            CategoryId = input.CategoryId,
            LibraryId = nomineeId,
            NominatedByLibraryId = byAnother ? acting.Id : null,
            Status = byAnother ? NominationStatus.AwaitingNomineeConfirmation : NominationStatus.Draft,
            CreatedByUserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Nominations.Add(nomination);
        // The audit entry and the mails name the new id: one transaction keeps "a nomination nobody recorded" impossible.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs starting the same nomination: the unique key keeps one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return AlreadyNominated(nominee);
        }

        audit.Record("nomination.created", "Nomination", nomination.Id,
            after: new { nomination.LibraryId, nomination.NominatedByLibraryId, nomination.Status }, cycleId: cycleId);
        if (byAnother)
        {
            var link = links.To("/Nominations");
            foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomineeId, cancellationToken))
            {
                outbox.Enqueue(new NominatedByAnotherLibraryMail(contact.Name, LibraryName.Of(nominee), acting.Name,
                        MailTexts.Pick(cycle.Title, cycle.TitleEn, contact.Culture), link),
                    contact.Email, contact.Name, contact.Culture, $"{nomination.Id}:{contact.UserId}");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (byAnother)
            mail.DeliverSoon();
        return nomination;
    }

    /// <summary>
    /// A library can always start its own nomination, whoever got to its slot first: a nomination another library made
    /// and it has not answered becomes its own draft (the nominator reads nothing of it from then on), and its own
    /// withdrawn or declined one a draft again. A nomination of its own that stands is the one it already has.
    /// </summary>
    private async Task<Outcome<Nomination>> TakeBackAsync(Nomination existing, Library nominee, CancellationToken cancellationToken)
    {
        var squatted = existing is { Status: NominationStatus.AwaitingNomineeConfirmation, NominatedByLibraryId: not null, IsFrozen: false };
        var withdrawn = existing is { Status: NominationStatus.Withdrawn, NominatedByLibraryId: null, IsFrozen: false };
        if (!squatted && !withdrawn)
            return AlreadyNominated(nominee);

        var before = new { existing.Status, existing.NominatedByLibraryId };
        var now = clock.GetUtcNow();
        existing.Status = NominationStatus.Draft;
        existing.NominatedByLibraryId = null;
        existing.NomineeConfirmedAt = null;
        existing.WithdrawnAt = null;
        existing.Version = Guid.NewGuid();
        existing.UpdatedAt = now;
        audit.Record(squatted ? "nomination.taken-over-by-nominee" : "nomination.restarted", "Nomination", existing.Id,
            before, new { existing.Status, existing.NominatedByLibraryId }, cycleId: existing.CycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered or taken back meanwhile in another tab (the version read is the concurrency token).
            db.ChangeTracker.Clear();
            return AlreadyNominated(nominee);
        }
        return existing;
    }

    private static Refusal AlreadyNominated(Library nominee) => Refusal.Conflict(RefusalCode.NominationAlreadyExists, nominee.Name);
}
