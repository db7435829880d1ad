using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
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

    /// <summary>The password of an account: the demo's for the demo's accounts, the tests' for the rest.</summary>
    public static string PasswordOf(string email) =>
        email.EndsWith("@lbb.example", StringComparison.Ordinal) ? DemoSeeder.Password : PersonBuilder.Password;

    /// <summary>A client of the JSON API signed in with a bearer token.</summary>
    public static async Task<HttpClient> BearerClientAsync(this AwardVoteApp app, string email, string? password = null)
    {
        var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = password ?? PasswordOf(email) });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

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
