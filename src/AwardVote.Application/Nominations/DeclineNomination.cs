using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Nominations;

/// <summary>The nominated library declines a nomination another library made: it is withdrawn.</summary>
public sealed class DeclineNomination(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public Task<Outcome<Nomination>> RunAsync(int nominationId, CancellationToken cancellationToken) =>
        NomineeAnswer.SaveAsync(db, audit, clock, nominationId, accept: false, cancellationToken);
}
