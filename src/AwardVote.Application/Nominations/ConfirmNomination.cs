using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Nominations;

/// <summary>
/// The nominated library confirms a nomination another library made: it becomes the nominee's draft. Who may answer
/// is the nominee's representative (<c>NominationOperations.Edit</c>), checked before.
/// </summary>
public sealed class ConfirmNomination(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public Task<Outcome<Nomination>> RunAsync(int nominationId, CancellationToken cancellationToken) =>
        NomineeAnswer.SaveAsync(db, audit, clock, nominationId, accept: true, cancellationToken);
}
