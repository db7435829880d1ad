using System.Reflection;
using AwardVote.Infrastructure.Data;
using AwardVote.Tests;
using Xunit.Sdk;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace AwardVote.IntegrationTests.Support;

/// <summary>
/// One running app per provider, shared by every test (starting one costs a migration and the demo seed). Tests
/// make their own data with unique names, so they do not see each other's. Hangfire's JobStorage.Current is
/// process-wide, which is why tests do not run in parallel.
/// </summary>
public sealed class Apps : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, AwardVoteApp> _apps = [];

    public AwardVoteApp Get(DatabaseProvider provider)
    {
        if (!_apps.TryGetValue(provider, out var app))
        {
            app = new AwardVoteApp(provider);
            _ = app.Server; // start now: migrations and seed run here, not inside the first assertion
            _apps[provider] = app;
        }
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
            await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppsCollection : ICollectionFixture<Apps>
{
    public const string Name = "apps";
}

/// <summary>Runs a theory once per database AwardVote supports here: SQLite and PostgreSQL.</summary>
public sealed class AllProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [DatabaseProvider.Sqlite],
        [DatabaseProvider.PostgreSql],
    ];
}
