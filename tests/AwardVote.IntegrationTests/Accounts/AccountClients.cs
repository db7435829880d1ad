using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>What the account tests do as a client would: from a chosen address, with cookies one can copy, with tokens.</summary>
internal static class AccountClients
{
    public const string WrongPassword = "Nepareiza-Parole-1";

    /// <summary>A JSON post that comes from <paramref name="client"/> (see <see cref="TestClientAddress"/>).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> PostFromAsync(WebApplicationFactory<Program> app, string client, string path, object body)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(TestClientAddress.Header, client);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A made-up client address of the documentation ranges, a new one for each call.</summary>
    public static string NewClient() => $"198.51.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}";

    /// <summary>A browser session signed in on the page, whose cookies the test can copy (as a thief would).</summary>
    public static async Task<CookieContainer> SignedInCookiesAsync(AwardVoteApp app, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = CookieClient(app, cookies);
        var login = await client.GetStringAsync("/Account/Login");
        using var signedIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return cookies;
    }

    public static HttpClient CookieClient(AwardVoteApp app, CookieContainer cookies) =>
        app.CreateDefaultClient(new CookieContainerHandler(cookies));

    public static CookieContainer Copy(CookieContainer original)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in original.GetAllCookies())
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return copy;
    }

    /// <summary>Posts the page's form with its anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, IDictionary<string, string>? fields = null)
    {
        var html = await client.GetStringAsync(page);
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(html),
        };
        return await client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    public static async Task<(string Access, string Refresh)> TokensAsync(AwardVoteApp app, string email, string password)
    {
        using var client = app.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(await login.Content.ReadAsStringAsync())!;
        return (json["accessToken"]!.GetValue<string>(), json["refreshToken"]!.GetValue<string>());
    }

    /// <summary>The status of the account's own endpoint (GET /api/auth/manage/info) with this bearer token.</summary>
    public static async Task<HttpStatusCode> WithBearerAsync(AwardVoteApp app, string accessToken)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.GetAsync("/api/auth/manage/info");
        return response.StatusCode;
    }

    /// <summary>The status of the account's own endpoint with these cookies.</summary>
    public static async Task<HttpStatusCode> WithCookiesAsync(AwardVoteApp app, CookieContainer cookies)
    {
        using var client = CookieClient(app, cookies);
        using var response = await client.GetAsync("/api/auth/manage/info");
        return response.StatusCode;
    }

    public static async Task<(HttpStatusCode Status, string? Refresh, string? Access)> RefreshAsync(AwardVoteApp app, string refreshToken)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        if (!response.IsSuccessStatusCode)
            return (response.StatusCode, null, null);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, json["refreshToken"]!.GetValue<string>(), json["accessToken"]!.GetValue<string>());
    }
}
