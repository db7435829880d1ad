using System.Net;
using System.Text;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AwardVote.IntegrationTests.Accounts.AccountClients;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>Sessions that end: a cookie or token someone copied stops working when its owner signs out or resets the password.</summary>
[Collection(AppsCollection.Name)]
public sealed class SessionTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_cookie_captured_before_sign_out_no_longer_works_afterwards(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("captured").CreateAsync(app);
        var cookies = await SignedInCookiesAsync(app, person.Email, PersonBuilder.Password);
        var captured = Copy(cookies);
        var (access, refresh) = await TokensAsync(app, person.Email, PersonBuilder.Password);
        Assert.Equal(HttpStatusCode.OK, await WithCookiesAsync(app, captured));

        using (var owner = CookieClient(app, cookies))
        using (var signedOut = await SubmitAsync(owner, "/Account/Logout"))
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookiesAsync(app, captured));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithBearerAsync(app, access));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, refresh)).Status);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.sessions-ended" && a.EntityId == person.Id)));
    }

    [Theory, AllProviders]
    public async Task Tokens_and_cookies_from_before_a_password_reset_no_longer_work(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("reset").CreateAsync(app);
        var cookies = await SignedInCookiesAsync(app, person.Email, PersonBuilder.Password);
        var (access, refresh) = await TokensAsync(app, person.Email, PersonBuilder.Password);
        Assert.Equal(HttpStatusCode.OK, await WithBearerAsync(app, access));

        var outcome = await app.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(person.Id))!);
            return await services.GetRequiredService<ResetPassword>().RunAsync(new ResetPasswordInput
            {
                Email = person.Email, Password = "Kalnciema-Lasītava-88", ConfirmPassword = "Kalnciema-Lasītava-88",
                Code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)),
            }, CancellationToken.None);
        });
        Assert.True(outcome.Succeeded);

        Assert.Equal(HttpStatusCode.Unauthorized, await WithBearerAsync(app, access));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, refresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookiesAsync(app, cookies));
    }

    [Theory, AllProviders]
    public async Task A_refresh_token_works_once_and_a_second_use_ends_every_session(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("refresh").CreateAsync(app);
        var (_, first) = await TokensAsync(app, person.Email, PersonBuilder.Password);

        var (status, second, secondAccess) = await RefreshAsync(app, first);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, await WithBearerAsync(app, secondAccess!));

        // The first token again (a thief's copy, or the owner's after a thief used it): refused, and every token
        // descended from it ends with it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, first)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await WithBearerAsync(app, secondAccess!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, second!)).Status);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "account.refresh-token-reused" && a.EntityId == person.Id)));
    }

    [Theory, AllProviders]
    public async Task Sign_out_everywhere_ends_the_other_sessions_and_keeps_this_one(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("everywhere").CreateAsync(app);
        var here = await SignedInCookiesAsync(app, person.Email, PersonBuilder.Password);
        var elsewhere = await SignedInCookiesAsync(app, person.Email, PersonBuilder.Password);
        var (access, _) = await TokensAsync(app, person.Email, PersonBuilder.Password);

        using (var client = CookieClient(app, here))
        using (var ended = await SubmitAsync(client, "/Account/Manage/Sessions"))
            Assert.Contains("data-testid=\"sessions-ended\"", await ended.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, await WithCookiesAsync(app, here));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookiesAsync(app, elsewhere));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithBearerAsync(app, access));
    }

    [Theory, AllProviders]
    public async Task The_api_signs_out_everywhere_too(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("api-logout").CreateAsync(app);
        var cookies = await SignedInCookiesAsync(app, person.Email, PersonBuilder.Password);
        var (access, refresh) = await TokensAsync(app, person.Email, PersonBuilder.Password);

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
        using var loggedOut = await client.PostAsync("/api/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await WithBearerAsync(app, access));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, refresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookiesAsync(app, cookies));
    }
}
