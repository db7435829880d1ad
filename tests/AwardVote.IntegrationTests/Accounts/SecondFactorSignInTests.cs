using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>
/// An account with an authenticator app signs in on the web with its code (it used to be locked out: the sign-in
/// page never asked), and nobody holding only the password, or only a stolen session, gets round the code.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SecondFactorSignInTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_sign_in_asks_for_the_code_and_refuses_the_password_alone(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("twofactor").CreateAsync(app);
        using (var owner = await app.SignedInAsync(person))
            await owner.TurnOnAuthenticatorAsync();
        var key = await app.QueryAsync(db => db.UserTokens.Where(t => t.UserId == person.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync());

        using var stranger = new Browserless(app);
        var next = await stranger.PasswordStepAsync(person.Email);
        Assert.StartsWith("/Account/LoginWith2fa", next);
        // The password alone is no sign-in: the account's pages still send the browser to the login page.
        using (var security = await stranger.Http.GetAsync("/Account/Manage/TwoFactor"))
            Assert.Equal(HttpStatusCode.Redirect, security.StatusCode);
        using (var wrong = await stranger.SubmitFormAsync(next, new Dictionary<string, string> { ["Input.Code"] = "000000" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Kods nav pareizs", await wrong.Content.ReadAsStringAsync());
        }

        using var right = await stranger.SubmitFormAsync(next, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key!) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Ieslēgta. Pieslēdzoties", await stranger.GetPageAsync("/Account/Manage/TwoFactor"));
    }

    [Theory, AllProviders]
    public async Task A_recovery_code_signs_in_once(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("recovery").CreateAsync(app);
        SecondFactorSteps.Authenticator authenticator;
        using (var owner = await app.SignedInAsync(person))
            authenticator = await owner.TurnOnAuthenticatorAsync();
        var code = authenticator.RecoveryCodes[0];

        using (var first = new Browserless(app))
        {
            Assert.StartsWith("/Account/LoginWith2fa", await first.PasswordStepAsync(person.Email));
            using var signedIn = await first.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        using var second = new Browserless(app);
        await second.PasswordStepAsync(person.Email);
        using var again = await second.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Atkopšanas kods nav pareizs", await again.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task A_stolen_session_cannot_turn_the_second_factor_off_or_mint_recovery_codes(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().Email("stolen").CreateAsync(app);
        using var owner = await app.SignedInAsync(person);
        var authenticator = await owner.TurnOnAuthenticatorAsync();
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == person.Id && e.Action == "account.authenticator-on")));

        // The page: without a code from the app nothing changes.
        using (var page = await owner.SubmitFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Disable.Code"] = "123456" }, "/Account/Manage/TwoFactor?handler=Disable"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Kods nav pareizs", await page.Content.ReadAsStringAsync());
        }
        Assert.True(await TwoFactorOnAsync(app, person.Id));

        // The API (Identity's /manage/2fa turned it off, or made codes, for the token alone).
        using var client = app.CreateClient();
        using (var login = await client.PostAsJsonAsync("/api/auth/login", new { email = person.Email, password = PersonBuilder.Password, twoFactorCode = Totp.Code(authenticator.SharedKey) }))
        {
            login.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        }
        using (var off = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = false }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode);
            Assert.Equal("InputNotValid", (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        using (var reset = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { resetSharedKey = true, twoFactorCode = "111111" }))
            Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        using (var codes = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { resetRecoveryCodes = true }))
            Assert.Equal(HttpStatusCode.BadRequest, codes.StatusCode);
        Assert.True(await TwoFactorOnAsync(app, person.Id));
        Assert.Equal(10, await app.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AwardVote.Infrastructure.Accounts.AppUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(person.Id))!);
        }));

        // With a recovery code the owner turns it off, on the page; the entry says so.
        using (var page = await owner.SubmitFormAsync("/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Disable.Code"] = authenticator.RecoveryCodes[3] }, "/Account/Manage/TwoFactor?handler=Disable"))
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.False(await TwoFactorOnAsync(app, person.Id));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == person.Id && e.Action == "account.authenticator-off")));
    }

    private static Task<bool> TwoFactorOnAsync(AwardVote.Tests.AwardVoteApp app, string userId) =>
        app.QueryAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync());
}
