using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

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
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }
}
