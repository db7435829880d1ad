using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Foundation;

[Collection(AppsCollection.Name)]
public sealed partial class AccountTests(Apps apps)
{
    private const string Password = "Kalnciema-Lasītava-88";

    [Theory, AllProviders]
    public async Task Registration_mails_a_confirmation_link_through_the_outbox_and_SMTP(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"lasitava-{Guid.NewGuid():N}@biblioteka.example";
        using var browser = new Browserless(app);

        using var registered = await RegisterAsync(browser, email, "lv");
        Assert.Equal("/Account/RegisterConfirmation", registered.Headers.Location?.OriginalString);

        // Queued in the same transaction as the account, not sent yet.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var queued = await db.Outbox.SingleAsync(m => m.ToEmail == email);
            Assert.Equal(OutboxStatus.Pending, queued.Status);
            Assert.Equal("account-confirmation", queued.Purpose);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "account.registered" && a.After!.Contains(email)));
        }
        Assert.Empty(Mailbox.To(email));

        await DeliverOutboxAsync(app);

        var mail = Assert.Single(await Mailbox.WaitForAsync(email));
        Assert.Equal("Apstipriniet savu e-pasta adresi LBB sistēmā", mail.Subject);
        var link = ConfirmationLink().Match(mail.TextBody ?? "").Value;
        Assert.NotEmpty(link);

        using var beforeConfirmation = await SignInAsync(browser, email, Password);
        Assert.Contains("Vispirms apstipriniet savu e-pasta adresi", await beforeConfirmation.Content.ReadAsStringAsync());

        var confirmed = await browser.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.Contains("data-testid=\"email-confirmed\"", confirmed);

        using var signedIn = await SignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Ilze Lasītāja", await browser.GetPageAsync("/"));
    }

    [Theory, AllProviders]
    public async Task The_confirmation_mail_is_in_the_language_the_person_chose(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"reader-{Guid.NewGuid():N}@library.example";
        using var browser = new Browserless(app);

        using var _ = await RegisterAsync(browser, email, "en");
        await DeliverOutboxAsync(app);

        var mail = Assert.Single(await Mailbox.WaitForAsync(email));
        Assert.Equal("Confirm your e-mail address for LBB", mail.Subject);
        Assert.Equal("en", mail.Body!.Headers["Content-Language"]);
    }

    [Theory, AllProviders]
    public async Task Registering_a_known_address_gives_the_same_answer_and_creates_no_account(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"twice-{Guid.NewGuid():N}@biblioteka.example";
        using var browser = new Browserless(app);
        using var first = await RegisterAsync(browser, email, "lv");

        using var second = await RegisterAsync(browser, email, "lv");

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
        Assert.Equal(["account-confirmation", "account-exists"],
            (await db.Outbox.Where(m => m.ToEmail == email).Select(m => m.Purpose).ToListAsync()).Order());
    }

    [Theory, AllProviders]
    public async Task A_common_password_is_refused_in_the_page_language_and_the_form_keeps_the_rest(DatabaseProvider provider)
    {
        var email = $"common-{Guid.NewGuid():N}@biblioteka.example";
        using var browser = new Browserless(apps.Get(provider));

        using var response = await browser.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ilze Lasītāja",
            ["Input.Email"] = email,
            ["Input.Password"] = "Password123!",
            ["Input.ConfirmPassword"] = "Password123!",
            ["Input.PreferredCulture"] = "lv",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Šo paroli ir viegli uzminēt: tā veidota no bieži lietotiem vārdiem", html);
        Assert.Contains(email, html);
        await using var scope = apps.Get(provider).Scope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Theory, AllProviders]
    public async Task Unknown_address_and_wrong_password_get_the_same_answer(DatabaseProvider provider)
    {
        using var browser = new Browserless(apps.Get(provider));

        using var unknown = await SignInAsync(browser, $"nobody-{Guid.NewGuid():N}@biblioteka.example", "Whatever-123x");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("E-pasta adrese vai parole nav pareiza.", await unknown.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task Forgotten_password_is_reset_through_the_mailed_link(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"forgot-{Guid.NewGuid():N}@biblioteka.example";
        using var browser = new Browserless(app);
        using var _ = await RegisterAsync(browser, email, "lv");
        await ConfirmDirectlyAsync(app, email);

        using var asked = await browser.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal("/Account/ForgotPasswordConfirmation", asked.Headers.Location?.OriginalString);
        await DeliverOutboxAsync(app);
        var mail = (await Mailbox.WaitForAsync(email)).Single(m => m.Headers["X-AwardVote-Purpose"] == "password-reset");
        var link = new Uri(ResetLink().Match(mail.TextBody ?? "").Value);

        using var reset = await browser.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Pūce-Lasa-Naktī-2026",
            ["Input.ConfirmPassword"] = "Pūce-Lasa-Naktī-2026",
            ["Input.Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
        }, "/Account/ResetPassword");
        Assert.Contains("Jūsu parole ir nomainīta.", await reset.Content.ReadAsStringAsync());

        using var signedIn = await SignInAsync(browser, email, "Pūce-Lasa-Naktī-2026");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static Task<HttpResponseMessage> RegisterAsync(Browserless browser, string email, string culture) =>
        browser.SubmitFormAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ilze Lasītāja",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
            ["Input.PreferredCulture"] = culture,
        });

    private static Task<HttpResponseMessage> SignInAsync(Browserless browser, string email, string password) =>
        browser.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private static async Task DeliverOutboxAsync(AwardVote.Tests.AwardVoteApp app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
    }

    private static async Task ConfirmDirectlyAsync(AwardVote.Tests.AwardVoteApp app, string email)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true));
    }

    [GeneratedRegex(@"http://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmationLink();

    [GeneratedRegex(@"http://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();
}
