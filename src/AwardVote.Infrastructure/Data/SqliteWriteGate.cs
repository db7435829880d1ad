using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Infrastructure.Data;

/// <summary>
/// SQLite takes one writer at a time. A writer that finds the lock held gets SQLITE_BUSY, and Microsoft.Data.Sqlite
/// retries it after a sleep; under a vote burst those sleeps add up to seconds (docs/benchmarks.md, scenario 1). This
/// process's saves to one database file therefore queue here, in order and without sleeping.
/// </summary>
/// <remarks>
/// Only a save outside an explicit transaction waits here: a transaction may already hold SQLite's lock, and must not
/// wait for a save that waits for that lock. Correctness does not rest on this queue (the database's keys and
/// transactions keep it); other processes on the same file still meet SQLite's own lock.
/// </remarks>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The queue this save must wait in, or null when it need not (another database, or a transaction).</summary>
    public static SemaphoreSlim? For(AppDbContext db) =>
        db.Provider == DatabaseProvider.Sqlite && db.Database.CurrentTransaction is null && db.Database.GetConnectionString() is { } file
            ? Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1))
            : null;
}
