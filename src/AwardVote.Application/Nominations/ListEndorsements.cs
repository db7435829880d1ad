using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

public sealed record EndorsementRow(int Id, string Name, string Email, string? Title, string? Organisation, string Culture,
    EndorsementStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? ReceivedAt);

/// <summary>The letters of support a nomination asked for, and which arrived (the library's page and the API).</summary>
public sealed class ListEndorsements(AppDbContext db) : IUseCase
{
    public Task<List<EndorsementRow>> RunAsync(int nominationId, CancellationToken cancellationToken) =>
        db.Endorsements.AsNoTracking()
            .Where(e => e.NominationId == nominationId)
            .OrderBy(e => e.RequestedAt).ThenBy(e => e.Id)
            .Select(e => new EndorsementRow(e.Id, e.EndorserName, e.EndorserEmail, e.EndorserTitle, e.Organisation, e.Culture,
                e.Status, e.RequestedAt, e.ReceivedAt))
            .ToListAsync(cancellationToken);
}
