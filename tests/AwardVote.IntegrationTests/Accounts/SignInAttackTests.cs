using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using AwardVote.Infrastructure.Data;
using static AwardVote.IntegrationTests.Accounts.AccountClients;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>Password sign-in, tried as an attacker would: telling accounts apart, and locking their owners out.</summary>
[Collection(AppsCollection.Name)]
public sealed class SignInAttackTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_wrong_password_for_an_unconfirmed_account_is_answered_as_for_an_unknown_address(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = Unique.Email("unconfirmed");
        var (registered, registeredBody) = await PostFromAsync(app, NewClient(), "/api/auth/register", new
        {
            displayName = "Ilze Lasītāja", email, password = PersonBuilder.Password, confirmPassword = PersonBuilder.Password, preferredCulture = "lv",
        });
        Assert.True(registered == HttpStatusCode.OK, registeredBody);

        var (unconfirmed, unconfirmedBody) = await PostFromAsync(app, NewClient(), "/api/auth/login", new { email, password = WrongPassword });
        var (unknown, unknownBody) = await PostFromAsync(app, NewClient(), "/api/auth/login", new { email = Unique.Email("nobody"), password = WrongPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, unconfirmed);
        Assert.Equal(unknown, unconfirmed);
        Assert.Equal(JsonNode.Parse(unknownBody)!["detail"]?.ToString(), JsonNode.Parse(unconfirmedBody)!["detail"]?.ToString());

        using var browser = new Browserless(app);
        using var wrongOnPage = await browser.SubmitFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = WrongPassword });
        var page = await wrongOnPage.Content.ReadAsStringAsync();
        Assert.Contains("E-pasta adrese vai parole nav pareiza.", page);
        Assert.DoesNotContain("Vispirms apstipriniet", page);

        // Whoever knows the password is told what to do next.
        using var rightOnPage = await browser.SubmitFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = PersonBuilder.Password });
        Assert.Contains("Vispirms apstipriniet savu e-pasta adresi", await rightOnPage.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task A_strangers_wrong_guesses_slow_the_stranger_and_never_lock_the_owner_out(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var owner = await new PersonBuilder().Email("owner").CreateAsync(app);
        var stranger = NewClient();

        for (var guess = 0; guess < 8; guess++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostFromAsync(app, stranger, "/api/auth/login", new { email = owner.Email, password = $"{WrongPassword}{guess}" })).Status);
        // From the guessing client even the right password is not checked while it waits: guessing on is no use.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostFromAsync(app, stranger, "/api/auth/login", new { email = owner.Email, password = PersonBuilder.Password })).Status);

        // The owner, elsewhere, signs in at once, on the API and on the page.
        Assert.Equal(HttpStatusCode.OK, (await PostFromAsync(app, "192.0.2.10", "/api/auth/login", new { email = owner.Email, password = PersonBuilder.Password })).Status);
        await SignedInCookiesAsync(app, owner.Email, PersonBuilder.Password);
        Assert.Null(await app.QueryAsync(db => db.Users.Where(u => u.Id == owner.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task An_unknown_address_takes_as_long_to_refuse_as_a_known_one(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var known = await new PersonBuilder().Email("timed").CreateAsync(app);
        // Warm both paths up, then time them alternately, each from a client of its own (no waits in the way).
        await PostFromAsync(app, NewClient(), "/api/auth/login", new { email = known.Email, password = WrongPassword });
        await PostFromAsync(app, NewClient(), "/api/auth/login", new { email = Unique.Email("nobody"), password = WrongPassword });
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var round = 0; round < 7; round++)
        {
            knownTimes.Add(await TimeAsync(() => PostFromAsync(app, NewClient(), "/api/auth/login", new { email = known.Email, password = WrongPassword })));
            unknownTimes.Add(await TimeAsync(() => PostFromAsync(app, NewClient(), "/api/auth/login", new { email = Unique.Email("nobody"), password = WrongPassword })));
        }
        double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        // Before, an unknown address was refused some 60 times faster (no password hash to check).
        Assert.True(Median(unknownTimes) >= Median(knownTimes) / 2,
            $"known {Median(knownTimes):0} ms, unknown {Median(unknownTimes):0} ms");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
