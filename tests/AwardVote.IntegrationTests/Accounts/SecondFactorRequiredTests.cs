using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>
/// With Security:RequireSecondFactor on (the default outside Development, see SecondFactorSettingTests), an
/// administrator's or a chair's password alone opens none of their pages nor endpoints, nor anything an
/// administrator may see elsewhere; they are sent to set a factor up, and once they have, they are let in.
/// On an app of its own: the shared apps run with the requirement off, as the demo does.
/// </summary>
public sealed class SecondFactorRequiredTests
{
    [Theory, AllProviders]
    public async Task Administrators_and_chairs_need_a_second_factor_before_their_pages(DatabaseProvider provider)
    {
        await using var app = new AwardVoteApp(provider, settings: new Dictionary<string, string> { ["Security:RequireSecondFactor"] = "true" });
        var cycle = await new CycleBuilder().Slug("twofactor-draft", length: 40).InPhase(CyclePhase.Draft).WithCategory("Gada bibliotēka").CreateAsync(app);
        var categoryId = cycle.Categories.Single().Id;
        var administrator = await new PersonBuilder("Anna Administratore").Email("admin-2fa").Administrator().CreateAsync(app);
        var chair = await new PersonBuilder("Pēteris Priekšsēdētājs").Email("chair-2fa").Chair(cycle.Id, categoryId).CreateAsync(app);
        var reader = await new PersonBuilder().Email("reader-2fa").CreateAsync(app);

        // The page sends the administrator to set a factor up, and says why.
        using var browser = await app.SignedInAsync(administrator);
        using (var admin = await browser.Http.GetAsync("/Admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.StartsWith("/Account/Manage/TwoFactor?required=true", admin.Headers.Location!.OriginalString);
        }
        Assert.Contains("data-testid=\"second-factor-required\"", await browser.GetPageAsync("/Account/Manage/TwoFactor?required=true&returnUrl=%2FAdmin"));

        // The API says why too, for the administrator and the chair; someone without such a role is refused as before.
        using (var api = await app.BearerClientAsync(administrator.Email))
        {
            await AssertSecondFactorRequiredAsync(await api.GetAsync("/api/admin/cycles"));
            // Nor is the password alone an administrator anywhere else: a draft cycle stays hidden.
            using var draft = await api.GetAsync($"/api/cycles/{cycle.Slug}");
            Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        }
        using (var api = await app.BearerClientAsync(chair.Email))
            await AssertSecondFactorRequiredAsync(await api.GetAsync($"/api/jury/{cycle.Id}/{categoryId}/progress"));
        using (var api = await app.BearerClientAsync(reader.Email))
        {
            using var denied = await api.GetAsync("/api/admin/cycles");
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.DoesNotContain("SecondFactorRequired", await denied.Content.ReadAsStringAsync());
        }

        // With the authenticator app on, the same session opens the administration.
        var authenticator = await browser.TurnOnAuthenticatorAsync();
        using (var admin = await browser.Http.GetAsync("/Admin"))
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        using var client = app.CreateClient();
        using (var login = await client.PostAsJsonAsync("/api/auth/login", new { email = administrator.Email, password = PersonBuilder.Password }))
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        using (var login = await client.PostAsJsonAsync("/api/auth/login", new { email = administrator.Email, password = PersonBuilder.Password, twoFactorCode = Totp.Code(authenticator.SharedKey) }))
        {
            login.EnsureSuccessStatusCode();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        }
        using (var cycles = await client.GetAsync("/api/admin/cycles"))
            Assert.Equal(HttpStatusCode.OK, cycles.StatusCode);
        using (var draft = await client.GetAsync($"/api/cycles/{cycle.Slug}"))
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
    }

    private static async Task AssertSecondFactorRequiredAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("SecondFactorRequired", problem.GetProperty("code").GetString());
            Assert.Contains("otru faktoru", problem.GetProperty("detail").GetString());
        }
    }
}
