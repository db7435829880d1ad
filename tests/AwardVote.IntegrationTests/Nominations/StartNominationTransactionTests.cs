using System.Data.Common;
using AwardVote.Application;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// Starting a nomination saves it, its audit entry and its mails in one transaction (issue 13: it used to commit the
/// nomination, then add the audit entry and the mails in a second save, so a failure between left a nomination
/// nobody recorded). The use case runs here on a context whose saves the test can break or race.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class StartNominationTransactionTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_nomination_is_saved_with_its_audit_entry_and_mails_or_not_at_all(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (nominatorId, nominatorEmail) = await world.LibraryAsync("Ogres bibliotēka");
        var (nomineeId, _) = await world.LibraryAsync("Ikšķiles bibliotēka");
        var userId = await UserIdAsync(world, nominatorEmail);
        var input = new StartNominationInput { CategoryId = world.CategoryId, ActingLibraryId = nominatorId, NomineeLibraryId = nomineeId };

        // The second save (the audit entry and the mails, after the nomination has its id) fails.
        var breaking = new Saves { FailAt = 2 };
        await using (var scope = world.App.Scope())
        {
            await using var db = Context(world, breaking);
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                StartOn(scope.ServiceProvider, db).RunAsync(world.CycleId, userId, input, CancellationToken.None));
        }
        Assert.Equal(2, breaking.Count);
        Assert.False(await world.QueryAsync(db => db.Nominations.AnyAsync(n => n.LibraryId == nomineeId)),
            "The nomination was committed although its audit entry and mails were not.");

        var saves = new Saves();
        await using (var scope = world.App.Scope())
        {
            await using var db = Context(world, saves);
            var started = await StartOn(scope.ServiceProvider, db).RunAsync(world.CycleId, userId, input, CancellationToken.None);
            Assert.True(started.Succeeded);
        }
        var nomination = await world.QueryAsync(db => db.Nominations.SingleAsync(n => n.LibraryId == nomineeId));
        Assert.Equal(NominationStatus.AwaitingNomineeConfirmation, nomination.Status);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "nomination.created" && a.EntityId == nomination.Id.ToString())));
        Assert.True(await world.QueryAsync(db => db.Outbox.AnyAsync(m => m.DeduplicationKey.StartsWith($"nominated-by-another-library:{nomination.Id}:"))));
        Assert.Equal(1, saves.Transactions);
    }

    [Theory, AllProviders]
    public async Task Two_tabs_starting_the_same_nomination_keep_one_and_the_other_is_told(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Lielvārdes bibliotēka");
        var userId = await UserIdAsync(world, email);
        // The other tab saves its nomination after this one checked for none and before it saves its own.
        var race = new Saves
        {
            BeforeTransaction = () => world.NominationAsync(libraryId, achievements: "Otrā cilne"),
        };

        Outcome<Nomination> started;
        await using (var scope = world.App.Scope())
        {
            await using var db = Context(world, race);
            started = await StartOn(scope.ServiceProvider, db).RunAsync(world.CycleId, userId,
                new StartNominationInput { CategoryId = world.CategoryId, ActingLibraryId = libraryId }, CancellationToken.None);
        }

        Assert.True(started.Is(RefusalCode.NominationAlreadyExists));
        var nominations = await world.QueryAsync(db => db.Nominations.Where(n => n.LibraryId == libraryId).ToListAsync());
        Assert.Equal("Otrā cilne", Assert.Single(nominations).Achievements);
        Assert.False(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "nomination.created" && a.EntityId == nominations[0].Id.ToString())));
    }

    private static StartNomination StartOn(IServiceProvider services, AppDbContext db)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        return ActivatorUtilities.CreateInstance<StartNomination>(services, db, new AuditLog(db, clock, new SystemAuditActor()),
            ActivatorUtilities.CreateInstance<Outbox>(services, db));
    }

    private static AppDbContext Context(NominationWorld world, Saves saves)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAwardVoteDatabase(world.App.Provider, world.App.ConnectionString).AddInterceptors(saves);
        return new AppDbContext(options.Options);
    }

    private static Task<string> UserIdAsync(NominationWorld world, string email) =>
        world.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Counts the saves and transactions of a context; can fail one save, or run something before the transaction.</summary>
    private sealed class Saves : SaveChangesInterceptor, IDbTransactionInterceptor
    {
        public int FailAt { get; init; }
        public Func<Task>? BeforeTransaction { get; set; }
        public int Count { get; private set; }
        public int Transactions { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (++Count == FailAt)
                throw new InvalidOperationException("The audit entry could not be written.");
            return ValueTask.FromResult(result);
        }

        public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Transactions++;
            if (BeforeTransaction is { } before)
            {
                BeforeTransaction = null;
                await before();
            }
            return result;
        }
    }
}
