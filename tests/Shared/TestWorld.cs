using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.Tests;

/// <summary>What every test does with a running app: query its database, run its jobs (each in a scope of its own).</summary>
public static class TestApp
{
    public static async Task<T> QueryAsync<T>(this AwardVoteApp app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task ExecuteAsync(this AwardVoteApp app, Func<AppDbContext, Task> action)
    {
        await using var scope = app.Scope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs <paramref name="action"/> with the services of a scope of its own.</summary>
    public static async Task<T> InScopeAsync<T>(this AwardVoteApp app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Sends what the outbox holds to the test SMTP receiver, as the delivery job does.</summary>
    public static Task<DeliveryReport> DeliverMailAsync(this AwardVoteApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None));

    /// <summary>Counts every round that is due, as the counting job does.</summary>
    public static Task<int> CountRoundsAsync(this AwardVoteApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None));
}

/// <summary>
/// The base of the tests' worlds (the data one group of tests shares): the app it lives in and the helpers every
/// world offered as its own copy.
/// </summary>
public abstract class TestWorld(AwardVoteApp app)
{
    public AwardVoteApp App { get; } = app;

    public Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query) => App.QueryAsync(query);

    public Task ExecuteAsync(Func<AppDbContext, Task> action) => App.ExecuteAsync(action);

    public Task DeliverMailAsync() => App.DeliverMailAsync();
}
