using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.PublicPages;

/// <summary>
/// The association's own name (issue 16, item 12): the site's name, logo, footer, the mail's sender and signature are
/// its settings (LBB's by default), not the software's; every page describes itself to search engines, and the public
/// results pages carry sharing tags with the configured public address.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class AssociationTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task By_default_the_pages_carry_LBB_s_name_and_never_the_software_s(DatabaseProvider provider)
    {
        using var reader = new Browserless(apps.Get(provider));

        var home = await reader.GetPageAsync("/");

        Assert.Contains("data-testid=\"site-name\">Gada bibliotēka<", home);
        Assert.Contains("Latvijas Bibliotekāru biedrība", home);
        Assert.Contains("<meta name=\"description\" content=\"", home);
        Assert.DoesNotContain("AwardVote", home);
        foreach (var path in new[] { "/Laureates", "/Cycles", "/Account/Login", "/Account/Register" })
        {
            var page = await reader.GetPageAsync(path);
            Assert.DoesNotContain("AwardVote", page);
            Assert.Matches("<meta name=\"description\" content=\"[^\"]{20,}\"", page);
        }
    }

    [Theory, AllProviders]
    public async Task A_public_results_page_is_shared_with_its_laureate_and_the_public_address(DatabaseProvider provider)
    {
        using var reader = new Browserless(apps.Get(provider));

        var results = await reader.GetPageAsync("/Cycles/gada-biblioteka-2019/Results");

        Assert.Equal("http://localhost:5080/Cycles/gada-biblioteka-2019/Results", Meta(results, "og:url"));
        Assert.StartsWith("Rezultāti", Meta(results, "og:title"));
        // The laureate's name where the nominative fits: after a colon.
        Assert.Contains("Balvu saņem: Latgales Centrālā bibliotēka.", Meta(results, "og:description"));
        Assert.Equal(Meta(results, "og:description"), Description(results));
        Assert.Equal("lv_LV", Meta(results, "og:locale"));

        // Pages of a person's own get no sharing tags.
        using var library = await apps.Get(provider).SignedInAsync(AwardVote.Infrastructure.Demo.DemoSeeder.RepresentativeEmail);
        Assert.DoesNotContain("og:title", await library.GetPageAsync("/Nominations"));
    }

    [Theory, AllProviders]
    public async Task Another_association_s_settings_name_its_pages_and_its_mail(DatabaseProvider provider)
    {
        await using var app = new AwardVoteApp(provider, settings: new Dictionary<string, string>
        {
            ["Association:Name:Lv"] = "Ziemeļu bibliotekāru kopa",
            ["Association:Name:En"] = "Northern librarians",
            ["Association:ShortName"] = "ZBK",
            ["Association:SiteName:Lv"] = "Ziemeļu balva",
            ["Association:SiteName:En"] = "Northern award",
            ["Association:LogoPath"] = "/favicon.ico",
            ["Association:MailSenderName"] = "Ziemeļu balvas sekretariāts",
            ["Association:Footer:Lv"] = "Ziemeļu bibliotekāru kopas balva bibliotēkām.",
            ["Association:MailFooter:Lv"] = "Ziemeļu bibliotekāru kopa",
        });
        using var reader = new Browserless(app);

        var laureates = await reader.GetPageAsync("/Laureates");
        Assert.Equal("Laureātes · Ziemeļu balva", WebUtility.HtmlDecode(Title().Match(laureates).Groups[1].Value));
        Assert.Contains("<img class=\"brand-logo\" src=\"/favicon.ico\"", laureates);
        Assert.Contains("Ziemeļu bibliotekāru kopas balva bibliotēkām.", laureates);
        Assert.Equal("http://localhost:5080/favicon.ico", Meta(laureates, "og:image"));

        var email = $"ziemeli-{Guid.NewGuid():N}@biblioteka.example";
        using (var registered = await reader.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
               {
                   ["Input.DisplayName"] = "Ilze Ziemele", ["Input.Email"] = email, ["Input.Password"] = "Ziemeļu-Lasītava-77",
                   ["Input.ConfirmPassword"] = "Ziemeļu-Lasītava-77", ["Input.PreferredCulture"] = "lv",
               }))
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        await app.DeliverMailAsync();

        var mail = Assert.Single(await Mailbox.WaitForAsync(email));
        Assert.Equal("Ziemeļu balvas sekretariāts", mail.From.Mailboxes.Single().Name);
        Assert.Equal("Apstipriniet savu e-pasta adresi ZBK sistēmā", mail.Subject);
        Assert.EndsWith("Ziemeļu bibliotekāru kopa", mail.TextBody!.TrimEnd());
        Assert.DoesNotContain("AwardVote", mail.TextBody);
        Assert.DoesNotContain("AwardVote", mail.HtmlBody);
    }

    private static string Meta(string html, string property)
    {
        var match = Regex.Match(html, $"<meta property=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"");
        Assert.True(match.Success, $"no {property}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static string Description(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<meta name=\"description\" content=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();
}
