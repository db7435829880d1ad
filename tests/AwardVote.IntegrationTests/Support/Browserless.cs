using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AwardVote.IntegrationTests.Support;

/// <summary>An HTTP client that keeps cookies and fills forms the way a browser does (with the anti-forgery token).</summary>
public sealed partial class Browserless(AwardVoteApp app) : IDisposable
{
    public HttpClient Http { get; } = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="pageUrl"/>, then posts its form with the fields given.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, IDictionary<string, string> fields, string? action = null)
    {
        var page = await GetPageAsync(pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken(page) };
        return await Http.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public async Task SignInAsync(string email, string password)
    {
        using var response = await SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} failed: {response.StatusCode}");
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();
}
