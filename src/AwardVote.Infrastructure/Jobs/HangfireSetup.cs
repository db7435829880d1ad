using AwardVote.Infrastructure.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.Infrastructure.Jobs;

/// <summary>Hangfire's storage follows the database: SQL Server, PostgreSQL, or a SQLite file beside the app's database.</summary>
public static class HangfireSetup
{
    public static IServiceCollection AddAwardVoteHangfire(this IServiceCollection services, DatabaseProvider provider,
        string connectionString, AppPaths paths, JobOptions options)
    {
        // Each host gets its own storage from its container. Hangfire's default reads the process-wide
        // JobStorage.Current, which two hosts in one process (tests, a CLI beside a web host) would share.
        services.AddSingleton<JobStorage>(_ => CreateStorage(provider, connectionString, paths));
        services.AddHangfire((serviceProvider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(serviceProvider.GetRequiredService<JobStorage>())
            .UseLogProvider(new HostLogProvider(serviceProvider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));

        if (options.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                server.WorkerCount = options.WorkerCount;
            });
        }
        return services;
    }

    private static PostgreSqlStorage PostgreSql(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            UseSlidingInvisibilityTimeout = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>The storage for a provider; public so that tools and fault tests can reach the jobs of a running app.</summary>
    public static JobStorage CreateStorage(DatabaseProvider provider, string connectionString, AppPaths paths) => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.Zero,
            SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
        }),
        DatabaseProvider.PostgreSql => PostgreSql(connectionString),
        // See docs/decisions/0004-hangfire-storage-on-sqlite.md.
        _ => new SQLiteStorage(paths.Resolve("hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) }),
    };
}

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process (every web node does by default).</summary>
    public bool RunServer { get; set; } = true;
    public int WorkerCount { get; set; } = 4;
}
