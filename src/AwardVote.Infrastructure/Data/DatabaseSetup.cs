using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AwardVote.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Picks the provider and its migrations project from configuration (<c>Database:Provider</c>).</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "AwardVote";

    /// <summary>Each provider has its own migrations project, named after it.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => $"AwardVote.Migrations.{provider}";

    public static DatabaseProvider ReadProvider(IConfiguration configuration) =>
        configuration["Database:Provider"] is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    /// <summary>The configured connection string, or the SQLite file in the data folder by default.</summary>
    public static string ReadConnectionString(IConfiguration configuration, DatabaseProvider provider, AppPaths paths) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(paths.DataDirectory, "awardvote.db")}"
                : throw new InvalidOperationException(
                    $"Database:Provider is {provider}: set ConnectionStrings:{ConnectionStringName}.");

    public static DbContextOptionsBuilder UseAwardVoteDatabase(this DbContextOptionsBuilder options,
        DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        return provider switch
        {
            // SQLite rebuilds a table to change a column, and its "PRAGMA foreign_keys" cannot run inside the
            // migration's transaction; EF warns about it on every fresh database (migration RepeatBallot), which is
            // expected and says nothing new, so it is not logged.
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
                .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>The statements each PostgreSQL connection keeps prepared, unless the connection string says otherwise.</summary>
    public const int PostgreSqlAutoPrepared = 64;

    /// <summary>
    /// Npgsql prepares nothing unless told to, so PostgreSQL parses and plans every query anew. Under a vote burst that
    /// was half of the database's CPU per vote (docs/benchmarks.md, scenario 1). AwardVote's queries are few and fixed
    /// in shape, so each connection keeps its most used ones prepared. An operator's own <c>Max Auto Prepare</c> wins
    /// (0 turns it off, e.g. behind a pooler that cannot keep prepared statements).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = PostgreSqlAutoPrepared }.ConnectionString;
    }
}
