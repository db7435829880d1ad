using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

public sealed record CycleRow(int Id, int Year, string Title, string? TitleEn, string Slug, CyclePhase Phase, int RoundNumber, bool Locked);

/// <summary>Every cycle for the administrator, drafts included, newest first (the cycles page and <c>GET /api/admin/cycles</c>).</summary>
public sealed class ListCycles(AppDbContext db) : IUseCase
{
    public Task<List<CycleRow>> RunAsync(CancellationToken cancellationToken) =>
        db.Cycles.AsNoTracking()
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new CycleRow(c.Id, c.Year, c.Title, c.TitleEn, c.Slug, c.Phase, c.RoundNumber, c.StatuteLockedAt != null))
            .ToListAsync(cancellationToken);
}
