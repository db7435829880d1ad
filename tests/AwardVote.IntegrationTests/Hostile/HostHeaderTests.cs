using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Nominations;
using AwardVote.IntegrationTests.PeoplesChoice;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// A stranger who controls the Host header sends it to every endpoint that mails someone (pages and API, anonymous and
/// signed in) so that the mailed link, with its secret, would lead to the stranger's site. Every mail queued meanwhile
/// is read from the outbox: none names the stranger's host, and every link in it starts with the public address.
/// Host filtering (Production) refuses such a request before it gets this far; this is the app with it switched off,
/// as in Development, to prove the links never depend on it.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class HostHeaderTests(Apps apps)
{
    private const string Evil = "evil.example";

    [Theory, AllProviders]
    public async Task No_mail_sent_through_any_endpoint_with_a_foreign_host_links_to_it(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var before = await app.QueryAsync(db => db.Outbox.MaxAsync(m => (long?)m.Id)) ?? 0;
        var publicBase = MailedLinks.PublicBase(app);
        var mailed = new List<string>();
        string Address(string prefix) { var email = Unique.Email(prefix); mailed.Add(email); return email; }

        // Anonymous, on the pages: a new account, an address that has one, a password reset.
        var existing = await new PersonBuilder().CreateAsync(app);
        var forgetful = await new PersonBuilder().CreateAsync(app);
        mailed.AddRange([existing.Email, forgetful.Email]);
        using (var anonymous = Foreign(new Browserless(app)))
        {
            foreach (var email in new[] { Address("jauns"), existing.Email })
                using (await anonymous.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
                       {
                           ["Input.DisplayName"] = "Ilze Lasītāja", ["Input.Email"] = email, ["Input.Password"] = PersonBuilder.Password,
                           ["Input.ConfirmPassword"] = PersonBuilder.Password, ["Input.PreferredCulture"] = "lv",
                       })) { }
            using (await anonymous.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = forgetful.Email })) { }
        }

        // Anonymous, through the API: register, the confirmation again, a password reset.
        using (var script = app.CreateClient())
        {
            script.DefaultRequestHeaders.Host = Evil;
            var registered = Address("skripts");
            (await script.PostAsJsonAsync("/api/auth/register", new
            {
                displayName = "Jānis Skripts", email = registered, password = PersonBuilder.Password, confirmPassword = PersonBuilder.Password, preferredCulture = "lv",
            })).Dispose();
            (await script.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = registered })).Dispose();
            var resetByApi = await new PersonBuilder().CreateAsync(app);
            mailed.Add(resetByApi.Email);
            (await script.PostAsJsonAsync("/api/auth/forgotPassword", new { email = resetByApi.Email })).Dispose();
        }

        // A representative: an invitation to the library and a request for a letter of support, page and API.
        var world = await NominationWorld.CreateAsync(app);
        var (libraryId, representative) = await world.LibraryAsync($"Saimnieka bibliotēka {Unique.Id()[..8]}");
        var nomination = await world.NominationAsync(libraryId);
        using (var browser = Foreign(await app.SignedInAsync(representative)))
        {
            using (await browser.SubmitFormAsync($"/Libraries/Invite?id={libraryId}",
                       new Dictionary<string, string> { ["Input.Name"] = "Kolēģe", ["Input.Email"] = Address("kolege") })) { }
            using (await browser.SubmitFormAsync($"/Nominations/Endorsements?id={nomination}",
                       new Dictionary<string, string> { ["Input.Name"] = "Novada dome", ["Input.Email"] = Address("dome"), ["Input.Culture"] = "lv" },
                       $"/Nominations/Endorsements?id={nomination}&handler=Request")) { }
        }
        using (var client = await app.BearerClientAsync(representative))
        {
            client.DefaultRequestHeaders.Host = Evil;
            (await client.PostAsJsonAsync($"/api/libraries/{libraryId}/invitations", new { name = "Kolēģis", email = Address("kolegis") })).Dispose();
            (await client.PostAsJsonAsync($"/api/nominations/{nomination}/endorsements", new { name = "Skola", email = Address("skola"), culture = "lv" })).Dispose();
        }

        // The administrator invites a juror.
        using (var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail))
        {
            admin.DefaultRequestHeaders.Host = Evil;
            (await admin.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/categories/{world.CategoryId}/jury/invitations",
                new { name = "Jānis Vērtētājs", email = Address("zurija"), asChair = false, confirmReservedDomain = true })).Dispose();
        }

        // Anyone asks for a vote link, page and API.
        var vote = await VoteWorld.CreateAsync(app);
        using (var voter = Foreign(new Browserless(app)))
        using (await voter.SubmitFormAsync($"/Cycles/{vote.Slug}/Vote", new Dictionary<string, string>
               {
                   ["Input.NominationId"] = vote.NominationIds[0].ToString(CultureInfo.InvariantCulture), ["Input.Email"] = Address("balsotajs"),
               })) { }
        using (var script = app.CreateClient())
        {
            script.DefaultRequestHeaders.Host = Evil;
            (await vote.RequestAsync(script, vote.NominationIds[1], Address("skriptabalsotajs"))).Dispose();
        }

        var mails = await app.QueryAsync(db => db.Outbox.Where(m => m.Id > before)
            .Select(m => new { m.ToEmail, m.Purpose, m.Subject, m.TextBody, m.HtmlBody }).ToListAsync());
        Assert.All(mailed, email => Assert.Contains(mails, m => string.Equals(m.ToEmail, email, StringComparison.OrdinalIgnoreCase)));
        Assert.All(mails, mail =>
        {
            var text = $"{mail.Subject}\n{mail.TextBody}\n{mail.HtmlBody}";
            Assert.DoesNotContain(Evil, text, StringComparison.OrdinalIgnoreCase);
            Assert.All(Link().Matches(text), link => Assert.StartsWith(publicBase, link.Value));
        });
        // Each kind of mail was among them, so none of them escaped the check.
        Assert.True(mails.Select(m => m.Purpose).Distinct().Count() >= 7, string.Join(", ", mails.Select(m => m.Purpose).Distinct()));
    }

    private static Browserless Foreign(Browserless browser)
    {
        browser.Http.DefaultRequestHeaders.Host = Evil;
        return browser;
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Link();
}
