using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AwardVote.IntegrationTests.Support;

/// <summary>An HTTP client that keeps cookies and fills forms the way a browser does (with the anti-forgery token).</summary>
public sealed partial class Browserless(AwardVoteApp app) : IDisposable
{
    public HttpClient Http { get; } = BrowserClient(app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    /// <summary>
    /// Like a browser on AwardVote's own pages, which says so on every request (Sec-Fetch-Site): the API takes a
    /// change signed in by the cookie only from them (Security/ApiCookieGuard.cs). A test of a foreign page removes it.
    /// </summary>
    public static HttpClient BrowserClient(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

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
        var form = new Dictionary<string, string>(fields);
        // Like a browser: the token goes along when the page has one (the language switch has none for anonymous readers).
        if (TokenPattern().Match(page) is { Success: true } token)
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
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

    /// <summary>The value of a hidden or text input, as the page rendered it.</summary>
    public static string InputValue(string html, string name) =>
        Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"The page has no input {name}.");

    /// <summary>Posts a multipart form (a file upload) with the page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string pageUrl, string action, IDictionary<string, string> fields, string fileField, string fileName, byte[] content)
    {
        var page = await GetPageAsync(pageUrl);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (key, value) in fields)
            form.Add(new StringContent(value), key);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        return await Http.PostAsync(action, form);
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => Http.Dispose();
}
