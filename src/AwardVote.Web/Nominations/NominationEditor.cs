using AwardVote.Application.Libraries;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Nominations;

/// <summary>What a library writes in its nomination; pages and the API both hand it over in this shape.</summary>
public sealed record NominationContent(
    string? PublicSummary,
    string? Achievements,
    string? Projects,
    IReadOnlyList<NominationPartner> Partners,
    IReadOnlyList<NominationStatistic> Statistics,
    IReadOnlyList<NominationLink> Links);

/// <summary>The outcome of a change: done, or refused with a message for the person (nothing was saved).</summary>
public sealed record EditResult(bool Succeeded, string? Error)
{
    public static readonly EditResult Done = new(true, null);
    public static EditResult Refused(string error) => new(false, error);
}

/// <summary>
/// The one place where a nomination changes: the deadline, freezing, confirmation and concurrency rules, the audit
/// entry and the receipt all live here, so the pages and the API cannot disagree. Who may change it is decided
/// before, by <see cref="Security.NominationOperations"/>.
/// </summary>
public sealed class NominationEditor(
    AppDbContext db,
    AuditLog audit,
    Outbox outbox,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public Task<Nomination?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        db.Nominations
            .Include(n => n.Partners.OrderBy(p => p.Order))
            .Include(n => n.Statistics)
            .Include(n => n.Links.OrderBy(x => x.Order))
            .Include(n => n.Attachments)
            .Include(n => n.Endorsements)
            .AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == id, cancellationToken);

    public Task<AwardCycle> CycleAsync(int cycleId, CancellationToken cancellationToken = default) =>
        db.Cycles.Include(c => c.Schedule).Include(c => c.Categories).SingleAsync(c => c.Id == cycleId, cancellationToken);

    /// <summary>Why the nomination cannot change now, in the person's language; null when it can.</summary>
    public string? WhyLocked(AwardCycle cycle, Nomination nomination) =>
        WhyClosed(cycle, nomination)
        ?? (nomination.Status == NominationStatus.AwaitingNomineeConfirmation ? l["The nominated library has not confirmed this nomination yet."].Value : null);

    /// <summary>
    /// Why nothing of the nomination may change any more (frozen, not open yet, past the deadline), whoever asks; null
    /// while nominations are open. Confirming or declining a nomination made by another library is bound by this too.
    /// </summary>
    public string? WhyClosed(AwardCycle cycle, Nomination nomination)
    {
        if (nomination.IsFrozen)
            return l["Nominations are closed: this nomination is frozen and can no longer change."];
        if (cycle.Phase < CyclePhase.NominationsOpen)
            return l["Nominations for this award cycle are not open yet."];
        if (!PhasePlan.AcceptsNominations(cycle, clock.GetUtcNow()))
        {
            var closed = PhasePlan.NextStep(cycle)?.StartsAt;
            return closed is null
                ? l["Nominations are closed."]
                : l["The deadline for nominations passed on {0}. Nothing was saved.", DisplayNames.LocalTime(closed.Value, cycle.TimeZone)];
        }
        return null;
    }

    public async Task<EditResult> SaveAsync(Nomination nomination, NominationContent content, Guid version, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(nomination.CycleId, cancellationToken);
        if (WhyLocked(cycle, nomination) is { } locked)
            return EditResult.Refused(locked);

        var before = Snapshot(nomination);
        nomination.PublicSummary = Clean(content.PublicSummary);
        nomination.Achievements = Clean(content.Achievements);
        nomination.Projects = Clean(content.Projects);
        Replace(nomination.Partners, content.Partners.Select((p, i) => new NominationPartner { Order = i + 1, Name = p.Name.Trim(), Role = Clean(p.Role) }));
        Replace(nomination.Statistics, content.Statistics.Select(s => new NominationStatistic { Kind = s.Kind, Label = Clean(s.Label), Value = s.Value, Unit = Clean(s.Unit), Year = s.Year }));
        Replace(nomination.Links, content.Links.Select((x, i) => new NominationLink { Order = i + 1, Url = x.Url.Trim(), Title = Clean(x.Title) }));
        if (nomination.Status == NominationStatus.Withdrawn)
        {
            // Writing again after a withdrawal takes the nomination back to a draft; it counts once submitted.
            nomination.Status = NominationStatus.Draft;
            nomination.WithdrawnAt = null;
        }
        return await CommitAsync(nomination, version, "nomination.saved", before, cancellationToken);
    }

    public async Task<EditResult> SubmitAsync(Nomination nomination, Guid version, string nominationUrl, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(nomination.CycleId, cancellationToken);
        if (WhyLocked(cycle, nomination) is { } locked)
            return EditResult.Refused(locked);
        if (string.IsNullOrWhiteSpace(nomination.PublicSummary) || string.IsNullOrWhiteSpace(nomination.Achievements))
            return EditResult.Refused(l["Write the public summary and the achievements before you submit."]);

        var before = Snapshot(nomination);
        var now = clock.GetUtcNow();
        nomination.Status = NominationStatus.Submitted;
        nomination.SubmittedAt = now;
        nomination.WithdrawnAt = null;
        await QueueReceiptsAsync(nomination, cycle, now, nominationUrl, cancellationToken);
        return await CommitAsync(nomination, version, "nomination.submitted", before, cancellationToken);
    }

    public async Task<EditResult> WithdrawAsync(Nomination nomination, Guid version, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(nomination.CycleId, cancellationToken);
        if (WhyLocked(cycle, nomination) is { } locked)
            return EditResult.Refused(locked);
        if (nomination.Status != NominationStatus.Submitted)
            return EditResult.Refused(l["Only a submitted nomination can be withdrawn."]);

        var before = Snapshot(nomination);
        nomination.Status = NominationStatus.Withdrawn;
        nomination.WithdrawnAt = clock.GetUtcNow();
        return await CommitAsync(nomination, version, "nomination.withdrawn", before, cancellationToken);
    }

    private async Task QueueReceiptsAsync(Nomination nomination, AwardCycle cycle, DateTimeOffset now, string url, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken);
        var category = cycle.Categories.Single(c => c.Id == nomination.CategoryId);
        foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomination.LibraryId, cancellationToken))
        {
            outbox.Enqueue(new NominationReceiptMail(
                    contact.Name,
                    library.Name,
                    DisplayNames.Pick(cycle.Title, cycle.TitleEn, contact.Culture),
                    DisplayNames.Pick(category.Name, category.NameEn, contact.Culture),
                    DisplayNames.LocalTime(now, cycle.TimeZone),
                    nomination.PublicSummary,
                    nomination.Partners.Count,
                    nomination.Statistics.Count,
                    nomination.Attachments.Count,
                    nomination.Endorsements.Count(e => e.Status == EndorsementStatus.Received),
                    url),
                contact.Email, contact.Name, contact.Culture,
                // Each submission gets its own receipt; the same submission never two.
                $"{nomination.Id}:{now.UtcTicks}:{contact.UserId}");
        }
    }

    private async Task<EditResult> CommitAsync(Nomination nomination, Guid version, string action, object before, CancellationToken cancellationToken)
    {
        // The version the form was opened with: a change made meanwhile in another tab is not overwritten.
        db.Entry(nomination).Property(n => n.Version).OriginalValue = version;
        nomination.Version = Guid.NewGuid();
        nomination.UpdatedAt = clock.GetUtcNow();
        audit.Record(action, "Nomination", nomination.Id, before, Snapshot(nomination), cycleId: nomination.CycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Refused(l["Someone else changed this nomination meanwhile. Nothing was saved; what you typed is still in the form. Open the nomination again to see their change."]);
        }
    }

    private static object Snapshot(Nomination n) => new
    {
        n.Status,
        n.PublicSummary,
        n.Achievements,
        n.Projects,
        Partners = n.Partners.Select(p => p.Name).ToList(),
        Statistics = n.Statistics.Select(s => new { s.Kind, s.Label, s.Value, s.Unit, s.Year }).ToList(),
        Links = n.Links.Select(x => x.Url).ToList(),
    };

    private static void Replace<T>(List<T> current, IEnumerable<T> next)
    {
        current.Clear();
        current.AddRange(next);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
