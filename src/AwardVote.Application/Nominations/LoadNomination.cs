using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>
/// The nomination as it is edited and read: with its partners, numbers, links, files and letters, tracked, so the
/// use case that changes it saves what it changed. Pages, the API and the jury's page load it the same way.
/// </summary>
public sealed class LoadNomination(AppDbContext db) : IUseCase
{
    public Task<Nomination?> RunAsync(int id, CancellationToken cancellationToken) =>
        db.Nominations
            .Include(n => n.Partners.OrderBy(p => p.Order))
            .Include(n => n.Statistics)
            .Include(n => n.Links.OrderBy(x => x.Order))
            .Include(n => n.Attachments)
            .Include(n => n.Endorsements)
            .AsSplitQuery()
            .SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
}
