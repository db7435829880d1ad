using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Demo;
using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 3 in a real browser: a representative registers, is approved, writes a nomination with a photo and a
/// letter of support, submits it and receives the receipt through the SMTP receiver; the administrator screens it.
/// </summary>
public sealed partial class NominationJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    // A real 1×1 PNG.
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_library_registers_is_approved_nominates_itself_with_a_photo_and_a_letter_and_is_screened()
    {
        try
        {
            await JourneyAsync();
        }
        catch
        {
            await session.CaptureAllAsync("failed-nomination-journey");
            throw;
        }
    }

    internal async Task JourneyAsync(ViewportSize? viewport = null)
    {
        var email = $"gulbene-{Guid.NewGuid():N}@biblioteka.example";
        const string password = "Gulbene-Lasa-2026";
        var rep = await session.NewPageAsync(viewport);

        // An account, confirmed through the mailed link.
        await rep.GotoAsync("/Account/Register");
        await rep.Locator("#Input_DisplayName").FillAsync("Gunta Gulbe");
        await rep.Locator("#Input_Email").FillAsync(email);
        await rep.Locator("#Input_Password").FillAsync(password);
        await rep.Locator("#Input_ConfirmPassword").FillAsync(password);
        await rep.GetByRole(AriaRole.Button, new() { Name = "Izveidot kontu" }).ClickAsync();
        await rep.GetByTestId("register-confirmation").WaitForAsync();
        await session.DeliverMailAsync();
        var confirmation = Assert.Single(await Mailbox.WaitForAsync(email));
        await rep.GotoAsync(new Uri(Link().Match(confirmation.TextBody ?? "").Value).PathAndQuery);
        await rep.GetByTestId("email-confirmed").WaitForAsync();
        await SignInAsync(rep, email, password);

        // The library, waiting for approval.
        await rep.GotoAsync("/Libraries/Register");
        await rep.Locator("#Input_Name").FillAsync("Gulbenes novada bibliotēka");
        await rep.Locator("#Input_RegistrationNumber").FillAsync($"GUL-{Guid.NewGuid():N}"[..12]);
        await rep.Locator("#Input_Region").SelectOptionAsync("Vidzeme");
        await rep.Locator("#Input_Municipality").FillAsync("Gulbene");
        // The name as Latvian sentences need it: proposed from the name, for the person to check before registering.
        await rep.Locator("[data-testid=name-forms] summary").ClickAsync();
        await rep.GetByTestId("propose-name-forms").ClickAsync();
        Assert.Equal("Gulbenes novada bibliotēkas", await rep.GetByTestId("name-NameGenitive").InputValueAsync());
        Assert.Equal("Gulbenes novada bibliotēku", await rep.GetByTestId("name-NameAccusative").InputValueAsync());
        await BrowserSession.ScreenshotAsync(rep, "10-library-name-forms");
        await rep.GetByTestId("register-library").ClickAsync();
        await rep.GetByTestId("registered-notice").WaitForAsync();
        await BrowserSession.ScreenshotAsync(rep, "10-library-registered");

        // The administrator approves it.
        var admin = await session.NewPageAsync();
        await SignInAsync(admin, DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        await admin.GotoAsync("/Admin/Libraries");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Gulbenes novada bibliotēka" }).ClickAsync();
        await admin.GetByTestId("approve").ClickAsync();
        await admin.GetByTestId("library-status").Filter(new() { HasTextString = "Apstiprināta" }).WaitForAsync();
        await BrowserSession.ScreenshotAsync(admin, "11-library-approved");

        // The nomination: text, a partner, a number with its year.
        await rep.GotoAsync("/Nominations");
        await rep.GetByTestId("start-nomination").ClickAsync();
        await rep.GetByTestId("nomination-status").WaitForAsync();
        await rep.Locator("#Input_PublicSummary").FillAsync("Bibliotēka, kas satiek lasītājus visā novadā.");
        await rep.GetByTestId("achievements").FillAsync("Atvērām **bērnu lasītavu** un sākām grāmatu busu.");
        await rep.Locator("[name='Input.Partners[0].Name']").FillAsync("Gulbenes novada pašvaldība");
        await rep.Locator("[name='Input.Statistics[0].Value']").FillAsync("48000");
        await rep.Locator("[name='Input.Statistics[0].Year']").FillAsync("2025");
        await rep.GetByTestId("save").ClickAsync();
        await rep.GetByTestId("message").Filter(new() { HasTextString = "Melnraksts saglabāts" }).WaitForAsync();
        await BrowserSession.ScreenshotAsync(rep, "12-nomination-draft");

        // A photo, with consent.
        await rep.GetByTestId("attachments-link").ClickAsync();
        await rep.GetByTestId("file").SetInputFilesAsync(new FilePayload { Name = "lasitava.png", MimeType = "image/png", Buffer = Photo });
        await rep.GetByTestId("consent").CheckAsync();
        await rep.GetByTestId("upload").ClickAsync();
        await rep.GetByTestId("attachments").Filter(new() { HasTextString = "lasitava.png" }).WaitForAsync();

        // A letter of support through the one-time link, written without an account.
        var endorserEmail = $"mers-{Guid.NewGuid():N}@gulbene.example";
        await rep.GotoAsync(rep.Url.Replace("/Attachments", "/Endorsements"));
        await rep.Locator("#Input_Name").FillAsync("Andis Caunītis");
        await rep.Locator("#Input_Email").FillAsync(endorserEmail);
        await rep.GetByTestId("ask").ClickAsync();
        await rep.GetByTestId("endorsements").WaitForAsync();
        await session.DeliverMailAsync();
        var request = Assert.Single(await Mailbox.WaitForAsync(endorserEmail));
        var endorser = await session.NewPageAsync();
        await endorser.GotoAsync(new Uri(Link().Match(request.TextBody ?? "").Value).PathAndQuery);
        await endorser.GetByTestId("letter").FillAsync("Gulbenes bibliotēka ir novada sirds.");
        await endorser.GetByTestId("send-letter").ClickAsync();
        await endorser.GetByTestId("letter-received").WaitForAsync();
        await rep.ReloadAsync();
        await rep.GetByTestId("endorsement-status").Filter(new() { HasTextString = "Saņemta" }).WaitForAsync();

        // The preview shows it as the jury will read it; then the library submits and gets its receipt.
        await rep.GotoAsync(rep.Url.Replace("/Endorsements", "/Preview"));
        await rep.Locator("strong", new() { HasTextString = "bērnu lasītavu" }).WaitForAsync();
        Assert.True(await rep.GetByText("Gulbenes bibliotēka ir novada sirds.").IsVisibleAsync());
        await BrowserSession.ScreenshotAsync(rep, "13-nomination-preview");
        await rep.GotoAsync(rep.Url.Replace("/Preview", "/Edit"));
        await rep.GetByTestId("submit").ClickAsync();
        await rep.GetByTestId("nomination-status").Filter(new() { HasTextString = "Iesniegts" }).WaitForAsync();
        await session.DeliverMailAsync();
        var mails = await Mailbox.WaitForAsync(email, count: 2);
        Assert.Contains(mails, m => m.Subject == "Pieteikums saņemts: Gulbenes novada bibliotēka");

        // A change after submission is a named resubmission (no draft of a submitted nomination), with a receipt naming it.
        Assert.Equal(0, await rep.GetByTestId("save").CountAsync());
        await rep.GetByTestId("achievements").FillAsync("Atvērām **bērnu lasītavu**, sākām grāmatu busu un lasīšanas klubu.");
        await rep.GetByTestId("resubmit").ClickAsync();
        await rep.GetByTestId("message").Filter(new() { HasTextString = "Izmaiņas iesniegtas" }).WaitForAsync();
        await session.DeliverMailAsync();
        var received = mails.Count;
        var resubmitted = (await Mailbox.WaitForAsync(email, count: received + 1))
            .Single(m => m.Subject == "Pieteikums mainīts un iesniegts atkārtoti: Gulbenes novada bibliotēka");
        Assert.Contains("Kopš iepriekšējās iesniegšanas mainīts: sasniegumi.", resubmitted.TextBody);

        // The administrator screens it; the library sees the decision.
        await admin.GotoAsync("/Admin/Eligibility");
        var card = admin.Locator("section.screening", new() { HasTextString = "Gulbenes novada bibliotēka" });
        await card.GetByLabel("Atbilst nolikumam", new() { Exact = true }).CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Saglabāt lēmumu" }).ClickAsync();
        await admin.GetByTestId("message").WaitForAsync();
        await BrowserSession.ScreenshotAsync(admin, "14-eligibility-decided");
        await rep.GotoAsync("/Nominations");
        Assert.Contains("Atbilst nolikumam", await rep.GetByTestId("nominations").InnerTextAsync());
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
    }

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex Link();
}
