using System.Net.Http.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Foundation;

/// <summary>
/// A stranger who controls the Host header asks for a password reset (page) or a confirmation mail (Identity's API)
/// for someone else's address: the mailed link, which carries the secret code, still points at the configured public
/// address, never at the stranger's host.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class MailLinkHostTests(Apps apps)
{
    private const string Evil = "evil.example";

    [Theory, AllProviders]
    public async Task A_password_reset_asked_through_a_forged_host_mails_the_public_address(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder().CreateAsync(app);
        using var browser = new Browserless(app);
        browser.Http.DefaultRequestHeaders.Host = Evil;

        using (await browser.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = person.Email }))
        {
        }

        var link = Assert.Single(await MailedLinks.FindAsync(app, person.Email, "/Account/ResetPassword")).ToString();
        Assert.StartsWith(MailedLinks.PublicBase(app) + "Account/ResetPassword?", link);
        Assert.DoesNotContain(Evil, link);
    }

    [Theory, AllProviders]
    public async Task A_confirmation_mail_asked_through_a_forged_host_mails_the_public_address(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = Unique.Email("vaditajs");
        using var client = app.CreateClient();
        using (var registered = await client.PostAsJsonAsync("/api/auth/register", new
               {
                   displayName = "Ilze Lasītāja", email, password = PersonBuilder.Password, confirmPassword = PersonBuilder.Password, preferredCulture = "lv",
               }))
            Assert.True(registered.IsSuccessStatusCode);
        client.DefaultRequestHeaders.Host = Evil;
        using (var resent = await client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email }))
            Assert.True(resent.IsSuccessStatusCode);

        // Two confirmation mails, at registration and on request (ResendConfirmation); both to the public address.
        var links = (await MailedLinks.FindAsync(app, email, "confirm", count: 2)).Select(l => l.ToString()).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, link => Assert.StartsWith(MailedLinks.PublicBase(app), link));
        Assert.All(links, link => Assert.StartsWith(MailedLinks.PublicBase(app) + "Account/ConfirmEmail?", link));
    }
}
