using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Results;

/// <summary>An administrator approves a citation (or a correction) as written, at the version they read.</summary>
public sealed class ApprovePublication(AppDbContext db, ResultStandings standings, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Publication>> RunAsync(int publicationId, Guid version, string userId, CancellationToken cancellationToken)
    {
        if (await Announcements.LoadByPublicationAsync(db, standings, publicationId, cancellationToken) is not ({ } cycle, { } view, { } publication))
            return Announcements.NotFound;
        if (version != publication.Version)
            return Announcements.Stale;
        if (PublicationRules.CheckApproval(cycle.Phase, view.Standing, publication) is { Count: > 0 } problems)
            return Outcome<Publication>.Refused(Announcements.Refusals(problems, view));
        publication.ApprovedAt = clock.GetUtcNow();
        publication.ApprovedByUserId = userId;
        publication.Version = Guid.NewGuid();
        audit.Record("publication.approved", "Publication", publication.Id, after: Announcements.Snapshot(publication), cycleId: cycle.Id);
        return await Announcements.SaveAsync(db, publication, cancellationToken);
    }
}
