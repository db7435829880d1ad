using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>What the nomination parity and API tests share: a script's signed-in client, and what a page said.</summary>
internal static partial class NominationApiClient
{
    /// <summary>A client signed in through /api/auth/login, sending the bearer token as a script does.</summary>
    public static async Task<HttpClient> BearerAsync(NominationWorld world, string email, string password = NominationWorld.Password)
    {
        var client = world.App.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The message a page shows after a redirect (the notice a refused submit or withdrawal leaves).</summary>
    public static async Task<string> MessageAfterRedirectAsync(Browserless browser, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var page = await browser.GetPageAsync(redirect.Headers.Location!.OriginalString);
        return Notice(page, "message");
    }

    /// <summary>The text of the element with the given data-testid.</summary>
    public static string Notice(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>(.*?)</", RegexOptions.Singleline);
        Assert.True(match.Success, $"The page shows no {testId}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    /// <summary>A multipart body as a script sends it: the fields, and a file under <paramref name="fileField"/>.</summary>
    public static MultipartFormDataContent Multipart(IEnumerable<(string Name, string Value)> fields, string? fileField = null,
        string fileName = "", byte[]? content = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        if (fileField is not null)
        {
            var file = new ByteArrayContent(content ?? []);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, fileField, fileName);
        }
        return form;
    }

    [GeneratedRegex(@"http://\S+/Endorse\?token=([A-Za-z0-9_\-]+)")]
    public static partial Regex EndorseLink();
}
