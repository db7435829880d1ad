using System.Net;
using System.Text.RegularExpressions;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>What the second factor's tests do as a person would: set up the app on the account page, sign in with it.</summary>
public static partial class SecondFactorSteps
{
    public sealed record Authenticator(string SharedKey, IReadOnlyList<string> RecoveryCodes);

    /// <summary>Opens the set-up page, reads the key as a person types it into the app, and proves it with the app's code.</summary>
    public static async Task<Authenticator> TurnOnAuthenticatorAsync(this Browserless browser)
    {
        var page = await browser.GetPageAsync("/Account/Manage/EnableAuthenticator");
        var key = SharedKey().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No shared key on the page.");
        Assert.Contains("data:image/png;base64,", page);
        using var response = await browser.SubmitFormAsync("/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return new Authenticator(key, codes);
    }

    /// <summary>The password step of the sign-in: where it sends the browser next.</summary>
    public static async Task<string> PasswordStepAsync(this Browserless browser, string email)
    {
        using var response = await browser.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.PasswordOf(email),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("data-testid=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
