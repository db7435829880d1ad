using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Results;

/// <summary>
/// An administrator publishes an approved correction: from now on the public reads it, with its note and a link to
/// the announcement it corrects.
/// </summary>
public sealed class PublishCorrection(AppDbContext db, ResultStandings standings, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Publication>> RunAsync(int publicationId, Guid version, string userId, CancellationToken cancellationToken)
    {
        if (await Announcements.LoadByPublicationAsync(db, standings, publicationId, cancellationToken) is not ({ } cycle, { } view, { } correction))
            return Announcements.NotFound;
        if (correction.CorrectsPublicationId is null)
            return Announcements.NotFound;
        if (PublicationRules.CheckCorrection(cycle.Phase, view.Standing, correction) is { Count: > 0 } problems)
            return Outcome<Publication>.Refused(Announcements.Refusals(problems, view));
        if (version != correction.Version)
            return Announcements.Stale;
        correction.PublishedAt = clock.GetUtcNow();
        correction.PublishedByUserId = userId;
        correction.Version = Guid.NewGuid();
        audit.Record("publication.correction-published", "Publication", correction.Id, after: Announcements.Snapshot(correction),
            reason: correction.CorrectionNote, cycleId: cycle.Id);
        return await Announcements.SaveAsync(db, correction, cancellationToken);
    }
}
