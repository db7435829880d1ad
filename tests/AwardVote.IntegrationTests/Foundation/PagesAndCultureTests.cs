using System.Net;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Foundation;

[Collection(AppsCollection.Name)]
public sealed class PagesAndCultureTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Home_page_is_in_Latvian_by_default(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        var html = await browser.GetPageAsync("/");

        Assert.Contains("<html lang=\"lv\">", html);
        Assert.Contains("<h1>Gada bibliotēka</h1>", html);
        // The demo data: the open cycle and the 2019 laureate of the archive.
        Assert.Contains($"Gada bibliotēka {DateTime.UtcNow.Year}", html);
        Assert.Contains("Latgales Centrālā bibliotēka", html);
    }

    [Theory, AllProviders]
    public async Task Culture_switch_turns_pages_English_and_back(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var toEnglish = await browser.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        var english = await browser.GetPageAsync("/");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<h1>Library of the Year</h1>", english);
        Assert.Contains("Sign in", english);

        using var toLatvian = await browser.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "lv", ["returnUrl"] = "/" }, "/Culture");
        Assert.Contains("<h1>Gada bibliotēka</h1>", await browser.GetPageAsync("/"));
    }

    [Theory, AllProviders]
    public async Task Culture_switch_refuses_an_unknown_language_and_a_foreign_return_address(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var unknown = await browser.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "xx", ["returnUrl"] = "/" }, "/Culture");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        using var foreign = await browser.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "https://evil.example/" }, "/Culture");
        Assert.Equal("/", foreign.Headers.Location?.OriginalString);
    }

    [Theory, AllProviders]
    public async Task Validation_errors_are_in_the_page_language(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var response = await browser.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "not-an-address",
            ["Input.Password"] = "x",
            ["Input.ConfirmPassword"] = "y",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ievadiet savu vārdu.", html);
        Assert.Contains("Ievadiet derīgu e-pasta adresi.", html);
        Assert.Contains("Abas paroles nesakrīt.", html);
        // What was typed stays in the form.
        Assert.Contains("value=\"not-an-address\"", html);
    }
}
