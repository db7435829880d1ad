using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Results;

/// <summary>
/// The chair or an administrator starts a correction of a published announcement: a new, linked announcement to
/// write, approve and publish; what was published stays as it was.
/// </summary>
public sealed class StartCorrection(AppDbContext db, ResultStandings standings, AuditLog audit) : IUseCase
{
    public async Task<Outcome<Publication>> RunAsync(int publicationId, string userId, CancellationToken cancellationToken)
    {
        if (await Announcements.LoadByPublicationAsync(db, standings, publicationId, cancellationToken) is not ({ } cycle, { } view, { } corrected))
            return Announcements.NotFound;
        if (view.Standing.Current?.Id != publicationId || view.Standing.Pending is not null)
            return Announcements.Stale;
        var correction = new Publication
        {
            CycleId = cycle.Id,
            CategoryId = corrected.CategoryId,
            Sequence = corrected.Sequence + 1,
            CorrectsPublicationId = corrected.Id,
            // The laureate as the result names it now (a later resolution may have changed it); else as announced.
            RoundResultId = view.Standing.LaureateNominationId is null ? corrected.RoundResultId : view.FinalResult?.Id,
            LaureateNominationId = view.Standing.LaureateNominationId ?? corrected.LaureateNominationId,
            Citation = corrected.Citation,
            CitationEn = corrected.CitationEn,
            CitationByUserId = userId,
        };
        db.Publications.Add(correction);
        audit.Record("publication.correction-started", "Publication", corrected.Id, after: Announcements.Snapshot(correction), cycleId: cycle.Id);
        return await Announcements.SaveAsync(db, correction, cancellationToken);
    }
}
