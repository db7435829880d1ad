using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AwardVote.Infrastructure.Data;

/// <summary>
/// Sets SQLite's own busy timeout on every connection the app opens. Without it, Microsoft.Data.Sqlite meets a write
/// lock held by another request with its managed retry, which sleeps 150 ms between tries: under a burst of votes
/// (bench/1-vote-burst.sh) most confirmations waited whole multiples of 150 ms, and p99 reached seconds. SQLite's
/// handler retries within a few milliseconds instead. The wait is bounded like a command (30 s).
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 30_000;
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    // Straight on the connection, not through EF Core's commands: an in-process pragma, microseconds.
    private static void Set(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {Milliseconds};";
        command.ExecuteNonQuery();
    }
}
