using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Nominations;

/// <summary>
/// The nominated library declines a nomination another library made: it is withdrawn and becomes the nominee's own,
/// so the nominating library reads nothing of it any more and the nominee may still write and submit its own.
/// </summary>
public sealed class DeclineNomination(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public Task<Outcome<Nomination>> RunAsync(int nominationId, CancellationToken cancellationToken) =>
        NomineeAnswer.SaveAsync(db, audit, clock, nominationId, accept: false, cancellationToken);
}
