using AwardVote.Infrastructure.Data;
using Hangfire;
using Hangfire.PostgreSql;
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
        services.AddHangfire(config =>
        {
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (provider)
            {
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connectionString, new SqlServerStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.Zero,
                        SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                    });
                    break;
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(c => c.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
                    {
                        SchemaName = "hangfire",
                        PrepareSchemaIfNecessary = true,
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                        UseSlidingInvisibilityTimeout = true,
                    });
                    break;
                default:
                    // See docs/decisions/0004-hangfire-storage-on-sqlite.md.
                    config.UseSQLiteStorage(paths.Resolve("hangfire.db"), new SQLiteStorageOptions
                    {
                        QueuePollInterval = TimeSpan.FromSeconds(1),
                    });
                    break;
            }
        });

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
}

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process (every web node does by default).</summary>
    public bool RunServer { get; set; } = true;
    public int WorkerCount { get; set; } = 4;
}
