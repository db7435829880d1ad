using System.Data.Common;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.PeoplesChoice;

/// <summary>
/// A national vote's bursts go through two code paths: each must stay one query and one batch of writes (one round
/// trip on a server database; SQLite, in process, runs the batch's statements one by one), whatever is added later.
/// On PostgreSQL the batch goes without BEGIN … COMMIT (PostgreSQL runs one command's statements as one implicit
/// transaction), which is only all-or-none while the batch stays one command. Each takes one connection from the pool
/// (each return costs a session reset).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class HotPathTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_request_and_a_confirmation_each_take_one_query_and_one_batch_of_writes(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        var voter = world.Voter();
        var commands = new CommandCounter();
        var sessions = new SessionCounter();

        await using (var scope = world.App.Scope())
        {
            var desk = Desk(scope.ServiceProvider, world.App, commands, sessions, out var db);
            await using (db)
            {
                var outcome = await desk.RequestAsync(world.Slug, world.NominationIds[0], voter, "192.0.2.1", "lv");
                Assert.Equal(VoteRequestStatus.Sent, outcome.Status);
            }
        }
        commands.AssertOneQueryAndOneBatch(provider, rowsWritten: 2);
        Assert.Equal(provider == DatabaseProvider.PostgreSql ? 0 : 1, sessions.Transactions);
        Assert.Equal(1, sessions.Opened);

        var token = await world.TokenMailedToAsync(voter);
        commands.Texts.Clear();
        await using (var scope = world.App.Scope())
        {
            var desk = Desk(scope.ServiceProvider, world.App, commands, sessions, out var db);
            await using (db)
            {
                var outcome = await desk.ConfirmAsync(token);
                Assert.Equal(VoteConfirmStatus.Confirmed, outcome.Status);
            }
        }
        commands.AssertOneQueryAndOneBatch(provider, rowsWritten: 3);
        Assert.Equal(provider == DatabaseProvider.PostgreSql ? 0 : 2, sessions.Transactions);
        Assert.Equal(2, sessions.Opened);
        Assert.Equal(1, await world.QueryAsync(d => d.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));
    }

    /// <summary>The desk as the app builds it, on a context that counts the commands, connections and transactions.</summary>
    private static VoteDesk Desk(IServiceProvider services, AwardVoteApp app, CommandCounter commands, SessionCounter sessions,
        out AppDbContext db)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseAwardVoteDatabase(app.Provider, app.ConnectionString).AddInterceptors(commands, sessions);
        db = new AppDbContext(options.Options);
        var clock = services.GetRequiredService<TimeProvider>();
        return ActivatorUtilities.CreateInstance<VoteDesk>(services, db,
            ActivatorUtilities.CreateInstance<Outbox>(services, db),
            new AuditLog(db, clock, new SystemAuditActor()));
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Texts { get; } = new();

        public void AssertOneQueryAndOneBatch(DatabaseProvider provider, int rowsWritten)
        {
            var texts = Texts.ToList();
            var reads = texts.Count(t => t.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
            Assert.True(reads == 1, "Expected one query, got:\n" + string.Join("\n--\n", texts));
            Assert.True(provider == DatabaseProvider.Sqlite ? texts.Count <= 1 + rowsWritten : texts.Count == 2,
                "Expected one query and one batch of writes, got:\n" + string.Join("\n--\n", texts));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>Counts the connections opened and the transactions started.</summary>
    private sealed class SessionCounter : IDbConnectionInterceptor, IDbTransactionInterceptor
    {
        private int opened;
        private int transactions;

        public int Opened => opened;
        public int Transactions => transactions;

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref opened);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref transactions);
            return ValueTask.FromResult(result);
        }
    }
}
