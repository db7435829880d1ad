using System.Net;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AwardVote.Tests;

/// <summary>
/// AwardVote as it runs, on a fresh database of the given provider (a SQLite file, or a new database on the test
/// PostgreSQL server), with demo data, mail going to the test SMTP receiver. Jobs are run by the tests themselves.
/// </summary>
public sealed class AwardVoteApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "awardvote-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="postgresServer">Another PostgreSQL server than the test one (a fault test's own, to restart).</param>
    /// <param name="settings">Settings of this app that differ from the tests' (applied last).</param>
    public AwardVoteApp(DatabaseProvider provider, bool onKestrel = false, string? postgresServer = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _postgresServer = postgresServer ?? (provider == DatabaseProvider.PostgreSql ? TestEnvironment.PostgresConnectionString : null);
        Provider = provider;
        Directory.CreateDirectory(_dataDirectory);
        if (provider == DatabaseProvider.PostgreSql)
        {
            _postgresDatabase = $"awardvote_test_{Guid.NewGuid():N}";
            using var connection = new NpgsqlConnection(_postgresServer);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            create.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "awardvote.db")}";
        }
        if (onKestrel)
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The real address on 127.0.0.1 (only for an app started on Kestrel).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }

    /// <summary>The settings a separate AwardVote process needs to run on this app's database and mail (fault tests).</summary>
    public Dictionary<string, string> ProcessSettings() => new()
    {
        ["Database__Provider"] = Provider.ToString(),
        ["ConnectionStrings__AwardVote"] = ConnectionString,
        ["Storage__DataDirectory"] = _dataDirectory,
        ["Security__HttpsRedirection"] = "false",
        ["Security__RequireSecondFactor"] = "false",
        ["Mail__Transport"] = "Smtp",
        ["Mail__Smtp__Host"] = TestEnvironment.SmtpHost,
        ["Mail__Smtp__Port"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail__Smtp__Security"] = "None",
        ["PublicPages__CacheSeconds"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:AwardVote", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Demo:SeedWhenEmpty", "true");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Security:HttpsRedirection", "false");
        // The demo accounts sign in with a password; the second factor's own tests switch this on for their app.
        builder.UseSetting("Security:RequireSecondFactor", "false");
        builder.UseSetting("Mail:Transport", "Smtp");
        builder.UseSetting("Mail:Smtp:Host", TestEnvironment.SmtpHost);
        builder.UseSetting("Mail:Smtp:Port", TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:Security", "None");
        // Every test's requests come from one client address; the per-IP limit has its own test on its own host.
        builder.UseSetting("PeoplesChoice:RequestsPerIpPerMinute", "100000");
        // Likewise the account endpoints' per-client limit (Accounts/AccountLimitTests proves the default on its own host).
        builder.UseSetting("Accounts:RequestsPerClientPerMinute", "100000");
        // Unique-key violations are expected in tests; EF's error log of each would bury the real failures.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        // Tests read public pages right after a job changed what they show; the cache has its own tests.
        builder.UseSetting("PublicPages:CacheSeconds", "0");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(AuditedSaves));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Queries));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Queries));
    }

    /// <summary>The database commands of each request that asks to be counted (<see cref="QueryCounter.Header"/>).</summary>
    public QueryCounter Queries { get; } = new();

    /// <summary>Fails every save of AwardVote's own code that changes an audited entity without its audit entry.</summary>
    public AuditedSaves AuditedSaves { get; } = new();

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* a file still open by SQLite's pool; the temp folder is cleaned by the OS */ }
    }
}
