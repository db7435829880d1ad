using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Foundation;

/// <summary>The rules that say "one": kept by unique keys in the database, whatever the pages do.</summary>
[Collection(AppsCollection.Name)]
public sealed class DatabaseRulesTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Every_migration_of_the_provider_is_applied(DatabaseProvider provider)
    {
        await using var scope = apps.Get(provider).Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal($"AwardVote.Migrations.{provider}", db.GetInfrastructure().GetRequiredService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>().Assembly.GetName().Name);
    }

    [Theory, AllProviders]
    public async Task A_library_has_one_nomination_per_cycle_and_category(DatabaseProvider provider)
    {
        await using var scope = apps.Get(provider).Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (cycleId, categoryId) = await DemoCycleAsync(db);
        var libraryId = await db.Libraries.Where(l => l.Name == "Valmieras bibliotēka").Select(l => l.Id).SingleAsync();
        db.Nominations.Add(new Nomination { CycleId = cycleId, CategoryId = categoryId, LibraryId = libraryId });
        await db.SaveChangesAsync();

        db.Nominations.Add(new Nomination { CycleId = cycleId, CategoryId = categoryId, LibraryId = libraryId });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, AllProviders]
    public async Task A_juror_has_one_score_ballot_per_nomination_and_round(DatabaseProvider provider)
    {
        await using var scope = apps.Get(provider).Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (cycleId, _) = await DemoCycleAsync(db);
        var roundId = await db.Rounds.Where(r => r.CycleId == cycleId && r.Number == 1).Select(r => r.Id).SingleAsync();
        var nominationId = await db.Nominations.Where(n => n.CycleId == cycleId).Select(n => n.Id).FirstAsync();
        var juror = await db.Users.SingleAsync(u => u.Email == DemoSeeder.JurorEmail);
        db.ScoreBallots.Add(new ScoreBallot { RoundId = roundId, NominationId = nominationId, JurorUserId = juror.Id });
        await db.SaveChangesAsync();

        await using var otherTab = apps.Get(provider).Scope();
        var otherDb = otherTab.ServiceProvider.GetRequiredService<AppDbContext>();
        otherDb.ScoreBallots.Add(new ScoreBallot { RoundId = roundId, NominationId = nominationId, JurorUserId = juror.Id });

        await Assert.ThrowsAsync<DbUpdateException>(() => otherDb.SaveChangesAsync());
    }

    [Theory, AllProviders]
    public async Task A_role_is_granted_once_per_account_and_scope(DatabaseProvider provider)
    {
        await using var scope = apps.Get(provider).Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var admin = await db.Users.SingleAsync(u => u.Email == DemoSeeder.AdministratorEmail);

        db.RoleGrants.Add(RoleGrant.Administrator(admin.Id, DateTimeOffset.UtcNow, null));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory, AllProviders]
    public async Task Data_protection_keys_are_kept_in_the_database(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        await using var scope = app.Scope();
        // Protecting something makes sure a key exists; it must be in the shared database, not on this node's disk.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    [Theory, AllProviders]
    public async Task Times_survive_the_round_trip_in_UTC_and_compare_in_the_database(DatabaseProvider provider)
    {
        await using var scope = apps.Get(provider).Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (cycleId, _) = await DemoCycleAsync(db);
        var steps = await db.PhaseSteps.Where(s => s.CycleId == cycleId && s.StartsAt != null).OrderBy(s => s.StartsAt).ToListAsync();

        Assert.Equal(steps.OrderBy(s => s.Sequence).Select(s => s.Id), steps.Select(s => s.Id));
        Assert.All(steps, s => Assert.Equal(TimeSpan.Zero, s.StartsAt!.Value.Offset));
        var cutoff = steps[2].StartsAt!.Value;
        Assert.Equal(3, await db.PhaseSteps.CountAsync(s => s.CycleId == cycleId && s.StartsAt <= cutoff));
    }

    private static async Task<(int CycleId, int CategoryId)> DemoCycleAsync(AppDbContext db)
    {
        var cycle = await db.Cycles.Include(c => c.Categories).SingleAsync(c => c.Phase == CyclePhase.NominationsOpen && c.Slug.StartsWith("gada-biblioteka-"));
        return (cycle.Id, cycle.Categories.Single().Id);
    }
}
