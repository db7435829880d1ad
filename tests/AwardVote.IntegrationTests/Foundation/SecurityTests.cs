using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Foundation;

[Collection(AppsCollection.Name)]
public sealed class SecurityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Jobs_dashboard_refuses_anonymous_users(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var response = await browser.Http.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task Jobs_dashboard_refuses_a_signed_in_non_administrator(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));
        await browser.SignInAsync(DemoSeeder.RepresentativeEmail, DemoSeeder.Password);

        using var response = await browser.Http.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task Jobs_dashboard_opens_for_the_administrator(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));
        await browser.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        using var response = await browser.Http.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AwardVote jobs", await response.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task Administration_pages_are_for_administrators_only(DatabaseProvider provider)
    {
        using var anonymous = new Browserless(apps.Get(provider));
        using var anonymousResponse = await anonymous.Http.GetAsync("/Admin");
        Assert.StartsWith("/Account/Login", anonymousResponse.Headers.Location!.PathAndQuery);

        using var juror = new Browserless(apps.Get(provider));
        await juror.SignInAsync(DemoSeeder.JurorEmail, DemoSeeder.Password);
        using var jurorResponse = await juror.Http.GetAsync("/Admin");
        Assert.StartsWith("/Account/AccessDenied", jurorResponse.Headers.Location!.PathAndQuery);

        using var admin = new Browserless(apps.Get(provider));
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        Assert.Contains("<h1>Administrēšana</h1>", await admin.GetPageAsync("/Admin"));
    }

    [Theory, AllProviders]
    public async Task Api_answers_401_without_a_token_and_works_with_a_bearer_token(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var client = app.CreateClient();

        using var anonymous = await client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var login = await client.PostAsJsonAsync("/api/auth/login",
            new { email = DemoSeeder.AdministratorEmail, password = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var me = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DemoSeeder.AdministratorEmail, body.GetProperty("email").GetString());
        Assert.Equal("Administrator", body.GetProperty("roles")[0].GetProperty("role").GetString());
    }

    [Theory, AllProviders]
    public async Task Pages_send_a_strict_content_security_policy_and_security_headers(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var response = await browser.Http.GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task A_form_post_without_the_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var response = await browser.Http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = DemoSeeder.AdministratorEmail,
            ["Input.Password"] = DemoSeeder.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Health_reports_the_database_and_hangfire_storage(DatabaseProvider provider)
    {
        using var client = apps.Get(provider).CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("hangfire-storage").GetProperty("status").GetString());
    }
}
