using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Access;
using AwardVote.IntegrationTests.PeoplesChoice;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.PublicPages;

/// <summary>
/// Issue 17, item 2: the privacy notice says who the controller is, whom to ask and how long each thing is kept, all
/// from configuration (the same settings the retention jobs keep to), in Latvian and English; every form that collects
/// personal data links to it, the vote and letter forms say in one line what they keep, and every mail's footer links
/// to it at the public address, never at the request's host.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class PrivacyNoticeTests(Apps apps)
{
    /// <summary>Another association, with periods none of the defaults has, to see the page follow the settings.</summary>
    private static readonly Dictionary<string, string> Configured = new()
    {
        ["Privacy:Controller:Lv"] = "Ziemeļu bibliotekāru kopa",
        ["Privacy:Controller:En"] = "Northern librarians",
        ["Privacy:ContactEmail"] = "dati@ziemelu-kopa.example",
        ["Privacy:Address"] = "Lauku iela 7, Valka",
        ["Privacy:DataProtectionOfficer"] = "Anna Sargā, das@ziemelu-kopa.example",
        ["Privacy:VoterAddressDays"] = "45",
        ["Privacy:UnconfirmedAccountDays"] = "9",
        ["Privacy:ExpiredInvitationDays"] = "21",
        ["Mail:FailedRetentionDays"] = "12",
    };

    [Theory, AllProviders]
    public async Task By_default_the_notice_names_LBB_its_demo_contact_and_the_default_periods(DatabaseProvider provider)
    {
        using var reader = new Browserless(apps.Get(provider));

        var page = await NoticeAsync(reader, "/Privacy");

        Assert.Contains("Jūsu personas datu pārzinis ir Latvijas Bibliotekāru biedrība.", page);
        Assert.Contains("mailto:privatums@lbb.example", page);
        Assert.Contains("Datu valsts inspekcija", page);
        Assert.Contains("href=\"https://www.dvi.gov.lv\"", page);
        Assert.Contains("30 dienas pēc balsojuma rezultātu publicēšanas", page);
        Assert.Contains("dzēšam pēc 14 dienām", page);
        Assert.Contains("href=\"/Account/Manage/Data\"", page);
        Assert.Contains("href=\"/Account/Manage/Delete\"", page);
        Assert.Matches("<meta name=\"description\" content=\"[^\"]{40,}\"", page);
        // No officer configured: no empty line for one.
        Assert.DoesNotContain("Datu aizsardzības speciālists", page);
    }

    [Theory, AllProviders]
    public async Task The_notice_follows_the_configured_controller_contact_and_periods_in_Latvian_and_in_English(DatabaseProvider provider)
    {
        await using var app = new AwardVoteApp(provider, settings: Configured);
        using var reader = new Browserless(app);

        var latvian = await NoticeAsync(reader, "/Privacy");
        Assert.Contains("Jūsu personas datu pārzinis ir Ziemeļu bibliotekāru kopa.", latvian);
        Assert.Contains("mailto:dati@ziemelu-kopa.example", latvian);
        Assert.Contains("Lauku iela 7, Valka", latvian);
        Assert.Contains("Anna Sargā, das@ziemelu-kopa.example", latvian);
        Assert.Contains("45 dienas pēc balsojuma rezultātu publicēšanas", Section(latvian, "retention-voters"));
        Assert.Contains("pēc 9 dienām", Section(latvian, "retention-accounts"));
        Assert.Contains("21 dienas pēc", Section(latvian, "retention-invitations"));
        Assert.Contains("glabājam 12 dienas", Section(latvian, "retention-mail"));
        Assert.DoesNotContain("Latvijas Bibliotekāru biedrība.", latvian);
        AssertNoEnglish(latvian);

        var english = await NoticeAsync(reader, "/Privacy?culture=en");
        Assert.Contains("The controller of your personal data is Northern librarians.", english);
        Assert.Contains("mailto:dati@ziemelu-kopa.example", english);
        Assert.Contains("45 days after the vote's result is published", Section(english, "retention-voters"));
        Assert.Contains("after 9 days", Section(english, "retention-accounts"));
        Assert.Contains("21 days after it expired", Section(english, "retention-invitations"));
        Assert.Contains("keeps it 12 days", Section(english, "retention-mail"));
        Assert.Contains("Data State Inspectorate of Latvia", english);
    }

    [Theory, AllProviders]
    public async Task Each_form_that_collects_personal_data_links_to_the_notice_and_the_vote_and_letter_say_what_they_keep(DatabaseProvider provider)
    {
        await using var app = new AwardVoteApp(provider, settings: Configured);
        var vote = await VoteWorld.CreateAsync(app);
        // A letter is asked for while nominations are open.
        var open = await new CycleBuilder().Slug("privatums", length: 30).InPhase(CyclePhase.NominationsOpen).CreateAsync(app);
        var draft = await new NominationBuilder(open).Of(new LibraryBuilder($"Rūjienas bibliotēka {Unique.Id()[..6]}")).CreateAsync(app);
        var token = await app.QueryAsync(db => AccessWorld.EndorsementAsync(db, draft.Id));
        using var stranger = new Browserless(app);
        using var representative = await app.SignedInAsync(DemoSeeder.RepresentativeEmail);

        var forms = new Dictionary<string, string>
        {
            ["account registration"] = await stranger.GetPageAsync("/Account/Register"),
            ["library registration"] = await representative.GetPageAsync("/Libraries/Register"),
            ["letter of support"] = await stranger.GetPageAsync($"/Endorse?token={token}"),
            ["people's-choice vote"] = await stranger.GetPageAsync($"/Cycles/{vote.Slug}/Vote"),
        };
        foreach (var (form, html) in forms)
        {
            Assert.True(html.Contains("data-testid=\"privacy-note\"", StringComparison.Ordinal), $"The {form} form has no privacy note.");
            var note = Section(WebUtility.HtmlDecode(html), "privacy-note");
            Assert.True(note.Contains("href=\"/Privacy\"", StringComparison.Ordinal), $"The {form} form does not link to the notice.");
            Assert.True(note.Contains("Kā apstrādājam personas datus:", StringComparison.Ordinal), $"The {form} form's link says nothing.");
        }

        var voteNote = Section(WebUtility.HtmlDecode(forms["people's-choice vote"]), "privacy-retention");
        Assert.Contains("45 dienas pēc rezultātu publicēšanas to aizstājam ar neatgriezenisku kodu", voteNote);
        var letterNote = Section(WebUtility.HtmlDecode(forms["letter of support"]), "privacy-retention");
        Assert.Contains("kopā ar pieteikumu balvas arhīvā", letterNote);
        // The two registration forms keep nothing beyond what the notice says: they carry the link only.
        Assert.DoesNotContain("data-testid=\"privacy-retention\"", forms["account registration"]);

        var english = WebUtility.HtmlDecode(await stranger.GetPageAsync($"/Cycles/{vote.Slug}/Vote?culture=en"));
        Assert.Contains("45 days after the results are published we replace it with an irreversible code", Section(english, "privacy-retention"));

        // And the footer of every page, for the pages that are not forms.
        Assert.Contains("data-testid=\"footer-privacy\"", await stranger.GetPageAsync("/Laureates"));
    }

    [Theory, AllProviders]
    public async Task A_mail_s_footer_links_to_the_notice_at_the_public_address_whatever_host_the_request_named(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var publicBase = MailedLinks.PublicBase(app);
        var latvian = Unique.Email("privatums-lv");
        var english = Unique.Email("privatums-en");
        using (var stranger = new Browserless(app))
        {
            stranger.Http.DefaultRequestHeaders.Host = "evil.example";
            foreach (var (email, culture) in new[] { (latvian, "lv"), (english, "en") })
                using (await stranger.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
                       {
                           ["Input.DisplayName"] = "Ilze Lasītāja", ["Input.Email"] = email, ["Input.Password"] = PersonBuilder.Password,
                           ["Input.ConfirmPassword"] = PersonBuilder.Password, ["Input.PreferredCulture"] = culture,
                       })) { }
        }
        await app.DeliverMailAsync();

        var inLatvian = Assert.Single(await Mailbox.WaitForAsync(latvian));
        Assert.Contains($"Kā apstrādājam personas datus: {publicBase}Privacy", inLatvian.TextBody);
        Assert.Contains($"href=\"{publicBase}Privacy\"", inLatvian.HtmlBody);
        // Above the signature: a mail still ends with the association's name.
        Assert.EndsWith("Latvijas Bibliotekāru biedrība, Gada bibliotēkas balva", inLatvian.TextBody!.TrimEnd());
        var inEnglish = Assert.Single(await Mailbox.WaitForAsync(english));
        Assert.Contains($"How we process personal data: {publicBase}Privacy", inEnglish.TextBody);
        foreach (var mail in new[] { inLatvian, inEnglish })
        {
            Assert.DoesNotContain("evil.example", mail.TextBody);
            Assert.DoesNotContain("evil.example", mail.HtmlBody);
        }
    }

    private static async Task<string> NoticeAsync(Browserless reader, string url)
    {
        using var response = await reader.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The element marked with the test id, up to its closing tag (none of them nests one of its own kind).</summary>
    private static string Section(string html, string testId)
    {
        var at = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {testId}");
        var start = html.LastIndexOf('<', at);
        var name = Regex.Match(html[(start + 1)..], "^[a-z0-9]+").Value;
        return html[start..html.IndexOf($"</{name}>", at, StringComparison.Ordinal)];
    }

    /// <summary>The page's own text (the header's "English" button aside) holds no English word.</summary>
    private static void AssertNoEnglish(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        var text = Tag().Replace(main, " ");
        foreach (var word in new[] { "the", "and", "your", "you", "is", "of", "kept", "days", "Privacy", "notice", "GDPR", "controller" })
            Assert.False(Regex.IsMatch(text, $@"\b{word}\b"), $"The Latvian notice says \"{word}\".");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
