using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Foundation;

/// <summary>
/// The check every integration test runs under (tests/Shared/AuditedSaves.cs): a change of an audited entity by
/// AwardVote's code without its audit entry in the same save or transaction fails, so it cannot slip in unnoticed.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class AuditedSavesTests(Apps apps)
{
    private const string Caller = "AwardVote.Application.Cycles.SomeUseCase";

    [Theory, AllProviders]
    public async Task A_change_without_its_audit_entry_fails_and_one_with_it_passes(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.FirstAsync();
        cycle.Description = "Mainīts bez ieraksta";

        var failure = Assert.Throws<InvalidOperationException>(() => app.AuditedSaves.CheckAs(db, Caller));
        Assert.Contains("AwardCycle Modified", failure.Message);

        scope.ServiceProvider.GetRequiredService<AuditLog>().Record("cycle.test", "Cycle", cycle.Id);
        app.AuditedSaves.CheckAs(db, Caller);
    }

    [Theory, AllProviders]
    public async Task In_a_transaction_the_entry_may_follow_in_a_later_save_but_must_come_before_the_commit(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.FirstAsync();
        var description = cycle.Description;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            cycle.Description = "Mainīts transakcijā bez ieraksta";
            app.AuditedSaves.CheckAs(db, Caller);
            await db.SaveChangesAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.CommitAsync());
        }
        db.ChangeTracker.Clear();
        Assert.Equal(description, (await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == cycle.Id)).Description);

        var again = await db.Cycles.SingleAsync(c => c.Id == cycle.Id);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            again.Description = "Mainīts transakcijā ar ierakstu";
            app.AuditedSaves.CheckAs(db, Caller);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record("cycle.test", "Cycle", cycle.Id);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        again.Description = description;
        await db.SaveChangesAsync();
    }
}
