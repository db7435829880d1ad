using System.Net;
using System.Net.Http.Json;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using AwardVote.Infrastructure.Data;
using static AwardVote.IntegrationTests.Accounts.AccountClients;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>Weak passwords, and the association's sender turned on someone's inbox.</summary>
[Collection(AppsCollection.Name)]
public sealed class PasswordAndMailTests(Apps apps)
{
    private const string WeakMessage = "Šo paroli ir viegli uzminēt: tā veidota no bieži lietotiem vārdiem, personvārdiem, datumiem vai vienkāršām rakstzīmju virknēm.";

    [Theory, AllProviders]
    public async Task Passwords_an_attacker_guesses_first_are_refused_saying_why(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var client = app.CreateClient();
        foreach (var weak in new[] { "Aaaaaaaaa1", "Summer2026!", "Bibliotekas1", DemoSeeder.Password, "Bibliotēka2026!", "Parole123456" })
        {
            var email = Unique.Email("weak");
            using var refused = await client.PostAsJsonAsync("/api/auth/register", new
            {
                displayName = "Ilze Lasītāja", email, password = weak, confirmPassword = weak, preferredCulture = "lv",
            });
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{weak} was accepted");
            Assert.Contains(WeakMessage, Assert.Single(await Parity.ProblemMessagesAsync(refused)));
            Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        }

        using var strong = await client.PostAsJsonAsync("/api/auth/register", new
        {
            displayName = "Ilze Lasītāja", email = Unique.Email("strong"), password = "Pūce-Lasa-Naktī-2026", confirmPassword = "Pūce-Lasa-Naktī-2026",
            preferredCulture = "lv",
        });
        Assert.Equal(HttpStatusCode.OK, strong.StatusCode);
    }

    [Theory, AllProviders]
    public async Task A_stranger_cannot_flood_an_inbox_with_reset_mails(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("flooded").CreateAsync(app);
        using var browser = new Browserless(app);
        using var client = app.CreateClient();

        for (var request = 0; request < 5; request++)
        {
            using var asked = await browser.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = person.Email });
            Assert.Equal("/Account/ForgotPasswordConfirmation", asked.Headers.Location?.OriginalString);
            using var askedInApi = await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email = person.Email });
            Assert.Equal(HttpStatusCode.OK, askedInApi.StatusCode);
            using var resent = await client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = person.Email });
            Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        }

        var queued = await app.QueryAsync(db => db.Outbox.CountAsync(m => m.ToEmail == person.Email));
        Assert.Equal(new AccountLimits().MailsPerRecipientPerDay, queued);
    }

    [Theory, AllProviders]
    public async Task A_name_carrying_a_link_or_a_message_is_refused_before_any_mail_is_written(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var client = app.CreateClient();
        foreach (var name in new[] { "Laimests! Atveriet http://evil.example/x", "Anna\nApmeklējiet evil.example", "evil.example", new string('A', 81), "<b>Anna</b>" })
        {
            var email = Unique.Email("named");
            using var refused = await client.PostAsJsonAsync("/api/auth/register", new
            {
                displayName = name, email, password = PersonBuilder.Password, confirmPassword = PersonBuilder.Password, preferredCulture = "lv",
            });
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{name} was accepted");
            Assert.Contains("Ierakstiet savu vārdu, izmantojot tikai burtus", string.Join(" ", await Parity.ProblemMessagesAsync(refused)));
            Assert.False(await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == email)));
        }

        // Names as people have them still go through.
        foreach (var name in new[] { "Anna-Marija O’Nīla", "J. Bērziņš", "Ēriks Ābele" })
        {
            using var accepted = await client.PostAsJsonAsync("/api/auth/register", new
            {
                displayName = name, email = Unique.Email("named"), password = PersonBuilder.Password, confirmPassword = PersonBuilder.Password,
                preferredCulture = "lv",
            });
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"{name} was refused");
        }
    }

    [Theory, AllProviders]
    public async Task The_default_limit_refuses_the_eleventh_account_post_from_one_client_and_only_from_it(DatabaseProvider provider)
    {
        // A host of its own on the same database, with the production limit instead of the tests' one.
        await using var limited = apps.Get(provider).WithWebHostBuilder(b =>
            b.UseSetting("Accounts:RequestsPerClientPerMinute", new AccountLimits().RequestsPerClientPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = NewClient();
        var paths = new[] { "/api/auth/login", "/api/auth/forgotPassword", "/api/auth/register", "/api/auth/resetPassword", "/api/auth/refresh" };
        for (var post = 0; post < new AccountLimits().RequestsPerClientPerMinute; post++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostFromAsync(limited, client, paths[post % paths.Length], new { email = Unique.Email("limit"), password = "x" })).Status);

        foreach (var path in paths.Append("/Account/Login").Append("/Account/ForgotPassword").Append("/Account/Register").Append("/Account/ResetPassword"))
            Assert.Equal(HttpStatusCode.TooManyRequests, (await PostFromAsync(limited, client, path, new { email = Unique.Email("limit") })).Status);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostFromAsync(limited, NewClient(), "/api/auth/login", new { email = Unique.Email("limit"), password = "x" })).Status);
    }
}
