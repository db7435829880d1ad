using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.PublicPages;

/// <summary>
/// What an outside audit of the pages reads (issue 16, item 13): a sitemap of the public pages with absolute
/// addresses from the configured public address, linked from robots.txt; compression only where no secret can leak;
/// the stylesheet under a fingerprinted name cached for a year; no inline style on a form (the CSP refuses it).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class SearchEngineTests(Apps apps)
{
    private const string PublicAddress = "http://localhost:5080";

    [Theory, AllProviders]
    public async Task The_sitemap_lists_the_public_pages_at_the_public_address_and_no_draft(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var draft = await new CycleBuilder().Slug("melnraksts", length: 30).InPhase(CyclePhase.Draft).CreateAsync(app);
        var open = await new CycleBuilder().Slug("atverts", length: 30).InPhase(CyclePhase.NominationsOpen).CreateAsync(app);
        using var stranger = new Browserless(app);
        // A request naming another host must not put that host into the sitemap.
        stranger.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");

        using var robots = await stranger.Http.GetAsync("/robots.txt");
        Assert.Contains($"Sitemap: {PublicAddress}/sitemap.xml", await robots.Content.ReadAsStringAsync());

        using var response = await stranger.Http.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var addresses = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(ns + "url")
            .Select(u => u.Element(ns + "loc")!.Value).ToList();

        Assert.All(addresses, a => Assert.StartsWith(PublicAddress + "/", a, StringComparison.Ordinal));
        Assert.Contains($"{PublicAddress}/", addresses);
        Assert.Contains($"{PublicAddress}/Laureates", addresses);
        Assert.Contains($"{PublicAddress}/Cycles", addresses);
        Assert.Contains($"{PublicAddress}/Privacy", addresses);
        Assert.Contains($"{PublicAddress}/Cycles/gada-biblioteka-2019", addresses);
        Assert.Contains($"{PublicAddress}/Cycles/gada-biblioteka-2019/Results", addresses);
        Assert.Contains($"{PublicAddress}/Cycles/{open.Slug}", addresses);
        // Not announced yet: its results page says only that, not worth a search engine's visit.
        Assert.DoesNotContain($"{PublicAddress}/Cycles/{open.Slug}/Results", addresses);
        Assert.DoesNotContain(addresses, a => a.Contains(draft.Slug, StringComparison.Ordinal));
        foreach (var address in addresses.Take(5))
        {
            using var page = await stranger.Http.GetAsync(new Uri(address).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Theory, AllProviders]
    public async Task Public_pages_are_compressed_pages_with_a_secret_are_not(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var stranger = Compressing(app);

        using var home = await stranger.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("br", home.Content.Headers.ContentEncoding);

        // The sign-in page holds an anti-forgery token: a compressed copy could leak it (BREACH).
        using var login = await stranger.GetAsync("/Account/Login");
        Assert.Empty(login.Content.Headers.ContentEncoding);

        // A signed-in person's pages are never compressed: they carry tokens and the person's own data.
        using var admin = await app.SignedInAdministratorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var signedIn = await admin.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Empty(signedIn.Content.Headers.ContentEncoding);
    }

    /// <summary>In production (Development serves the static files uncached, for editing): over HTTPS, as behind its proxy.</summary>
    [Theory, AllProviders]
    public async Task In_production_the_stylesheet_is_fingerprinted_cached_for_a_year_and_compressed_over_https(DatabaseProvider provider)
    {
        await using var app = new AwardVoteApp(provider, settings: new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Mail:PublicBaseUrl"] = "https://gadabiblioteka.example",
            ["Privacy:PseudonymKey"] = "production-test-pseudonym-key",
            ["Security:HttpsRedirection"] = "false",
            // Run from the build output, not published, MapStaticAssets drops its caching headers for editing; this
            // keeps them, as a published app sends them.
            ["EnableStaticAssetsDevelopmentCaching"] = "true",
        });
        using var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://gadabiblioteka.example"), AllowAutoRedirect = false,
        });
        var home = await https.GetStringAsync("/");
        var stylesheet = Stylesheet().Match(home).Groups[1].Value;
        Assert.True(Regex.IsMatch(stylesheet, @"^/css/site\.[a-z0-9]+\.css$"), stylesheet);
        Assert.Matches(@"<script src=""/js/menu\.[a-z0-9]+\.js"">", home);

        https.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var css = await https.GetAsync(stylesheet);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("gzip", css.Content.Headers.ContentEncoding);
        Assert.True(css.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), css.Headers.CacheControl?.ToString());
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        using var page = await https.GetAsync("/");
        Assert.Contains("gzip", page.Content.Headers.ContentEncoding);
        using var login = await https.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Empty(login.Content.Headers.ContentEncoding);
    }

    [Theory, AllProviders]
    public async Task A_form_has_no_inline_style_and_shows_its_summary_only_with_errors(DatabaseProvider provider)
    {
        using var stranger = new Browserless(apps.Get(provider));

        var empty = await stranger.GetPageAsync("/Account/Register");
        Assert.DoesNotContain("style=", empty);
        Assert.DoesNotContain("error-summary", empty);

        using var refused = await stranger.SubmitFormAsync("/Account/Register", new Dictionary<string, string> { ["Input.Email"] = "" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary validation-summary-errors\"", html);
        Assert.DoesNotContain("style=", html);
    }

    private static HttpClient Compressing(AwardVoteApp app)
    {
        // The test client does not decompress: the encoding the app chose stays visible.
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return client;
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
