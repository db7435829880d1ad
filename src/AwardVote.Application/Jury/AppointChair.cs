using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// An administrator names a member of a panel its chair. A panel has one chair: naming one takes the chair from
/// whoever had it, audited with before and after in the same save.
/// </summary>
public sealed class AppointChair(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, int categoryId, string? chairUserId, string appointedByUserId,
        CancellationToken cancellationToken)
    {
        if (!await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return Refusal.NotFound;
        if (string.IsNullOrEmpty(chairUserId) || !await JuryMembership.IsJurorAsync(db, chairUserId, cycleId, categoryId, cancellationToken))
            return Refusal.Invalid("UserId", RefusalCode.ChairNotOnJury);

        var chairs = await db.RoleGrants
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && g.Role == ScopedRole.Chair)
            .ToListAsync(cancellationToken);
        var before = chairs.Select(g => g.UserId).ToList();
        if (before.SequenceEqual([chairUserId]))
            return Outcome.Done;
        db.RoleGrants.RemoveRange(chairs.Where(g => g.UserId != chairUserId));
        if (chairs.All(g => g.UserId != chairUserId))
            db.RoleGrants.Add(RoleGrant.Chair(chairUserId, cycleId, categoryId, clock.GetUtcNow(), appointedByUserId));
        audit.Record("jury.chair-changed", nameof(Category), categoryId,
            before: new { Chairs = before }, after: new { Chairs = new[] { chairUserId } }, cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
