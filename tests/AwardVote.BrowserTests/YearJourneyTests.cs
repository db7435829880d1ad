extern alias cli;
using System.Security.Cryptography;
using AwardVote.Domain.Counting;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Tests;
using Microsoft.Playwright;
using MimeKit;
using Tally = cli::AwardVote.Cli.Tally;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 6 (and issue 5's "from the round's close to the public page"): a whole award year through the real pages,
/// on PostgreSQL, with every mail read back from the SMTP receiver. The administrator opens a cycle (a score round,
/// a shortlist, a ranked final); four libraries register and nominate (one with a letter of support, one withdraws,
/// one is found ineligible); five jurors accept (one as the chair), one declares a conflict; they score, the phase
/// clock closes the round, the count leaves the shortlist, they rank it (the conflicted juror cannot place the
/// nomination: the count writes their ballot with "~", the neutral recusal, and the protocol says how it counted), the
/// count decides; the chair writes the citation, the administrator approves and publishes; the public reads the
/// announcement and the archive, and a signed-out visitor downloads the count and recounts it with awardvote verify.
/// Then each person's mailbox holds exactly what they should have been sent, in their language.
/// In Latvian (with one juror who reads English) and again with everyone in English.
/// </summary>
public sealed class YearJourneyTests
{
    private const int Year = 2027;

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    public async Task An_award_year_from_the_statute_to_the_archive_of_laureates(string language)
    {
        var session = new BrowserSession(DatabaseProvider.PostgreSql);
        await session.InitializeAsync();
        try
        {
            await JourneyAsync(new JourneyPages(session, language));
        }
        catch
        {
            await session.CaptureAllAsync($"failed-year-journey-{language}");
            throw;
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    private static async Task JourneyAsync(JourneyPages j)
    {
        var lv = j.Language == "lv";
        // In the Latvian year one juror reads English: everyone's mail must follow their own language.
        string Culture(bool english = false) => lv && !english ? "lv" : "en";

        // ---- The administrator opens the cycle: a copy of this year's statute, a shortlist of two, the scoring
        // round's close on the schedule (the clock moves it), then nominations open by hand.
        var admin = await j.VisitorAsync(j.Language);
        await JourneyPages.SignInAsync(admin, DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        if (!lv)
        {
            // The switcher also remembers the signed-in administrator's language.
            await admin.GetByTestId("switch-to-en").ClickAsync();
            await admin.Locator("html[lang='en']").WaitForAsync();
        }
        await admin.GotoAsync("/Admin/Cycles/Create");
        await admin.Locator("#Input_Title").FillAsync($"Gada bibliotēka {Year}");
        await admin.Locator("#Input_TitleEn").FillAsync($"Library of the Year {Year}");
        await admin.Locator("#Input_Year").FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var source = DateTime.UtcNow.Year;
        var sourceValue = await admin.Locator("#Input_CopyFromCycleId option", new() { HasTextString = $"{source} — Gada bibliotēka {source}" }).GetAttributeAsync("value");
        await admin.Locator("#Input_CopyFromCycleId").SelectOptionAsync(sourceValue!);
        // The demo cycle's dates moved a year on would be the clock's to follow; this year sets its own.
        await admin.Locator("#Input_ShiftDates").UncheckAsync();
        await admin.Locator("[data-testid='create-cycle'] button[type='submit']").ClickAsync();
        await admin.GetByTestId("phase").WaitForAsync();
        var cycleId = int.Parse(admin.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var slug = $"gada-biblioteka-{Year}";
        // The readiness checklist: no jury yet, each item links to where it is set.
        await admin.GetByTestId("ready-jury").WaitForAsync();
        Assert.Equal("todo", await admin.GetByTestId("ready-chair").GetAttributeAsync("class"));
        await j.ShotAsync(admin, "cycle-created");

        await admin.GotoAsync($"/Admin/Cycles/{cycleId}/Rounds");
        await admin.Locator("#Input_Rounds_0__ShortlistSize").FillAsync("2");
        await admin.Locator("[data-testid='rounds-form'] button.primary").ClickAsync();
        await admin.GetByTestId("saved").WaitForAsync();
        await j.ShotAsync(admin, "statute-rounds");

        // The scoring round closes at the start of the shortlist step (Riga time, in twenty days: before any date of the demo cycle, which the clock must not move).
        var roundCloses = DateTimeOffset.UtcNow.AddDays(20);
        await admin.GotoAsync($"/Admin/Cycles/{cycleId}/Schedule");
        await admin.Locator("#starts-4").FillAsync(TimeZoneInfo.ConvertTime(roundCloses, TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga")).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await admin.Locator("[data-testid='schedule-form'] button.primary").ClickAsync();
        await admin.GetByTestId("saved").WaitForAsync();
        await j.ShotAsync(admin, "statute-schedule");

        await j.MovePhaseAsync(admin, cycleId, j.T("Nolikums gatavs, atveram pieteikšanos.", "The statute is ready: nominations open."), j.T("Pieteikšanās atvērta", "Nominations open"));
        await admin.GetByTestId("statute-locked").WaitForAsync();
        await j.ShotAsync(admin, "nominations-open");

        // ---- Everyone signs up: four representatives, five jurors (the first will chair). One mail run confirms all.
        var reps = new[]
        {
            await j.RegisterAsync("Aina Alsupe", "alsunga", Culture()),
            await j.RegisterAsync("Bruno Bauskietis", "bauska", Culture()),
            await j.RegisterAsync("Cilda Cēsniece", "cesis", Culture()),
            await j.RegisterAsync("Dace Dobelniece", "dobele", Culture()),
        };
        var jurors = new[]
        {
            await j.RegisterAsync("Zane Priekšsēde", "chair", Culture()),
            await j.RegisterAsync("Jānis Vērtētājs", "juror1", Culture()),
            await j.RegisterAsync("Līga Lasītāja", "juror2", Culture(english: true)),
            await j.RegisterAsync("Roberts Recenzents", "juror3", Culture()),
            await j.RegisterAsync("Ilze Interešu", "juror4", Culture()),
        };
        await j.ShotAsync(reps[0].Page, "account-registered");
        await j.DeliverMailAsync();
        foreach (var person in reps.Concat(jurors))
            await j.ConfirmAndSignInAsync(person);
        await j.ShotAsync(jurors[2].Page, "account-confirmed-signed-in");

        // ---- Libraries register and the administrator approves them.
        var libraries = new[] { "Alsungas bibliotēka", "Bauskas Centrālā bibliotēka", "Cēsu bibliotēka", "Dobeles novada bibliotēka" };
        var towns = new[] { "Alsunga", "Bauska", "Cēsis", "Dobele" };
        for (var i = 0; i < reps.Length; i++)
        {
            var rep = reps[i].Page;
            if (i == 0)
            {
                // The front door: the cycle's page shows the steps and leads a signed-in person without a library on.
                await rep.GotoAsync($"/Cycles/{slug}");
                await rep.GetByTestId("how-to-nominate").WaitForAsync();
                await j.ShotAsync(rep, "front-door");
                await rep.GetByTestId("next-step").ClickAsync();
                await rep.WaitForURLAsync("**/Libraries/Register");
            }
            else
            {
                await rep.GotoAsync("/Libraries/Register");
            }
            await rep.Locator("#Input_Name").FillAsync(libraries[i]);
            await rep.Locator("#Input_RegistrationNumber").FillAsync($"J-{Guid.NewGuid():N}"[..12]);
            await rep.Locator("#Input_Region").SelectOptionAsync(i % 2 == 0 ? "Kurzeme" : "Zemgale");
            await rep.Locator("#Input_Municipality").FillAsync(towns[i]);
            await rep.GetByTestId("register-library").ClickAsync();
            await rep.GetByTestId("registered-notice").WaitForAsync();
            if (i == 0)
                await j.ShotAsync(rep, "library-registered");
        }
        foreach (var library in libraries)
        {
            await admin.GotoAsync("/Admin/Libraries");
            await admin.GetByRole(AriaRole.Link, new() { Name = library, Exact = true }).ClickAsync();
            await admin.GetByTestId("approve").ClickAsync();
            await admin.GetByTestId("library-status").Filter(new() { HasTextString = j.T("Apstiprināta", "Approved") }).WaitForAsync();
        }
        await j.ShotAsync(admin, "library-approved");

        // ---- Nominations: each library writes and submits its own.
        var nominations = new int[reps.Length];
        for (var i = 0; i < reps.Length; i++)
        {
            var rep = reps[i].Page;
            await rep.GotoAsync("/Nominations");
            var option = await rep.Locator("#Start_CycleCategory option", new() { HasTextString = $"{Year}" }).GetAttributeAsync("value");
            await rep.Locator("#Start_CycleCategory").SelectOptionAsync(option!);
            await rep.GetByTestId("start-nomination").ClickAsync();
            await rep.GetByTestId("nomination-status").WaitForAsync();
            nominations[i] = int.Parse(new Uri(rep.Url).Query.Split('=').Last(), System.Globalization.CultureInfo.InvariantCulture);
            await rep.Locator("#Input_PublicSummary").FillAsync($"{libraries[i]}: {j.T("lasītāji visā novadā.", "readers across the municipality.")}");
            await rep.GetByTestId("achievements").FillAsync(j.T("Atvērām **bērnu lasītavu** un sākām grāmatu busu.", "We opened a **children's reading room** and started a book bus."));
            await rep.Locator("[name='Input.Statistics[0].Value']").FillAsync((12000 + 1000 * i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await rep.Locator("[name='Input.Statistics[0].Year']").FillAsync("2026");
            await rep.GetByTestId("save").ClickAsync();
            await rep.GetByTestId("message").WaitForAsync();
            if (i == 0)
                await j.ShotAsync(rep, "nomination-draft");
        }

        // Alsunga asks for a letter of support; the endorser writes it without an account and wants the results.
        var a = reps[0].Page;
        var endorserEmail = $"endorser-{Guid.NewGuid():N}@journey.example";
        await a.GotoAsync($"/Nominations/Endorsements?id={nominations[0]}");
        await a.Locator("#Input_Name").FillAsync("Andris Atbalstītājs");
        await a.Locator("#Input_Email").FillAsync(endorserEmail);
        await a.Locator("#Input_Culture").SelectOptionAsync(Culture());
        await a.GetByTestId("ask").ClickAsync();
        await a.GetByTestId("endorsements").WaitForAsync();
        await j.DeliverMailAsync();
        var endorser = await j.VisitorAsync(Culture());
        await endorser.GotoAsync(await JourneyPages.MailedLinkAsync(endorserEmail, "endorsement-request"));
        await endorser.GetByTestId("letter").FillAsync(j.T("Alsungas bibliotēka ir novada sirds.", "The Alsunga library is the heart of the municipality."));
        await endorser.Locator("#Input_WantsResults").CheckAsync();
        await j.ShotAsync(endorser, "letter-of-support");
        await endorser.GetByTestId("send-letter").ClickAsync();
        await endorser.GetByTestId("letter-received").WaitForAsync();
        await a.ReloadAsync();
        await a.GetByTestId("endorsement-status").Filter(new() { HasTextString = j.T("Saņemta", "Received") }).WaitForAsync();
        await j.ShotAsync(a, "letter-received");

        for (var i = 0; i < reps.Length; i++)
        {
            var rep = reps[i].Page;
            await rep.GotoAsync($"/Nominations/Edit?id={nominations[i]}");
            await rep.GetByTestId("submit").ClickAsync();
            await rep.GetByTestId("nomination-status").Filter(new() { HasTextString = j.T("Iesniegts", "Submitted") }).WaitForAsync();
            if (i == 0)
                await j.ShotAsync(rep, "nomination-submitted");
        }
        // Bauska changes its mind and withdraws.
        var b = reps[1].Page;
        await b.GetByTestId("withdraw").ClickAsync();
        await b.GetByTestId("nomination-status").Filter(new() { HasTextString = j.T("Atsaukts", "Withdrawn") }).WaitForAsync();
        await j.ShotAsync(b, "nomination-withdrawn");

        // ---- Nominations close; the administrator screens: Cēsis does not meet the statute.
        await j.MovePhaseAsync(admin, cycleId, j.T("Pieteikšanās termiņš beidzies.", "The nomination deadline has passed."), j.T("Atbilstības pārbaude", "Eligibility review"));
        await admin.GotoAsync($"/Admin/Eligibility?cycleId={cycleId}");
        Assert.Equal(0, await admin.GetByTestId($"screen-{nominations[1]}").CountAsync());
        foreach (var i in new[] { 0, 2, 3 })
        {
            var card = admin.GetByTestId($"screen-{nominations[i]}");
            if (i == 2)
            {
                await card.Locator("input[value='Ineligible']").CheckAsync();
                await card.Locator("textarea").FillAsync(j.T("Bibliotēka nav reģistrēta Bibliotēku reģistrā.", "The library is not on the Register of Libraries."));
            }
            else
            {
                await card.Locator("input[value='Eligible']").CheckAsync();
            }
            await admin.GetByTestId($"decide-{nominations[i]}").ClickAsync();
            await admin.GetByTestId("message").WaitForAsync();
        }
        await j.ShotAsync(admin, "eligibility-decided");
        await reps[2].Page.GotoAsync("/Nominations");
        Assert.Contains(j.T("Neatbilst nolikumam", "Not eligible"), await reps[2].Page.GetByTestId($"eligibility-{nominations[2]}").InnerTextAsync());
        await j.ShotAsync(reps[2].Page, "nomination-ineligible");

        // ---- The jury: the administrator invites five (the first to chair); each accepts through the mailed link.
        await admin.GotoAsync($"/Admin/Jury?cycleId={cycleId}");
        // One category: the page names the panel and links its progress board (the category's id is in that link).
        var categoryId = (await admin.GetByTestId("progress-link").GetAttributeAsync("href"))!.Split("categoryId=").Last();
        for (var i = 0; i < jurors.Length; i++)
        {
            await admin.Locator("#Invite_Name").FillAsync(jurors[i].Name);
            await admin.Locator("#Invite_Email").FillAsync(jurors[i].Email);
            if (i == 0)
                await admin.Locator("#Invite_AsChair").CheckAsync();
            await admin.GetByTestId("send-invitation").ClickAsync();
            // The journey's addresses are at a test domain, which receives no real mail: the page flags it and the
            // administrator confirms.
            await admin.GetByTestId("confirm-domain").WaitForAsync();
            if (i == 0)
                await j.ShotAsync(admin, "jury-test-domain-flagged");
            await admin.Locator("#Invite_ConfirmReservedDomain").CheckAsync();
            await admin.GetByTestId("send-invitation").ClickAsync();
            await admin.GetByTestId("message").WaitForAsync();
        }
        await j.ShotAsync(admin, "jury-invited");
        await j.DeliverMailAsync();
        foreach (var juror in jurors)
        {
            await juror.Page.GotoAsync(await JourneyPages.MailedLinkAsync(juror.Email, "jury-invitation"));
            await juror.Page.GetByTestId("jury-invitation").WaitForAsync();
            if (juror == jurors[0])
                await j.ShotAsync(juror.Page, "jury-invitation");
            await juror.Page.GetByTestId("accept").ClickAsync();
            // A juror lands on the home page, the chair on the panel's progress board; both now have the jury's menu.
            await juror.Page.WaitForURLAsync(url => !url.Contains("/Invitations/", StringComparison.Ordinal));
            await juror.Page.Locator("nav a[href='/Jury']").WaitForAsync();
        }
        await admin.ReloadAsync();
        Assert.Equal(jurors.Length, await admin.GetByTestId("members").Locator("tbody tr").CountAsync());
        await j.ShotAsync(admin, "jury-accepted");

        // ---- Judging, round 1: the last juror declares a conflict with Alsunga; everyone scores the rest.
        await j.MovePhaseAsync(admin, cycleId, j.T("Žūrija sastādīta, sākam vērtēšanu.", "The jury is complete: judging starts."), j.T("Vērtēšana", "Judging"));
        var desk = $"/Jury?cycleId={cycleId}&categoryId={categoryId}";
        var conflicted = jurors[4].Page;
        await conflicted.GotoAsync(desk);
        await conflicted.GetByTestId($"declare-{nominations[0]}").ClickAsync();
        await conflicted.GetByTestId("conflict-reason").FillAsync(j.T("Esmu Alsungas bibliotēkas padomes locekle.", "I sit on the Alsunga library's board."));
        await conflicted.GetByTestId("declare").ClickAsync();
        await conflicted.GetByTestId($"conflict-{nominations[0]}").WaitForAsync();
        await j.ShotAsync(conflicted, "conflict-declared");

        var (alsunga, dobele) = (nominations[0], nominations[3]);
        // The jury reads only the submitted and eligible: neither the withdrawn nor the ineligible nomination.
        Assert.Equal(2, await conflicted.GetByTestId("jury-nominations").Locator("tbody tr").CountAsync());
        foreach (var juror in jurors)
        {
            var page = juror.Page;
            await page.GotoAsync(desk);
            foreach (var (nomination, score) in new[] { (alsunga, 5), (dobele, 3) })
            {
                if (juror == jurors[4] && nomination == alsunga)
                    continue;
                await page.GetByTestId($"open-{nomination}").ClickAsync();
                for (var criterion = 1; criterion <= 4; criterion++)
                    await page.GetByTestId($"score-{criterion}-{score}").CheckAsync();
                if (juror == jurors[1] && nomination == dobele)
                    await page.Locator("#Input_Comment").FillAsync(j.T("Grāmatu buss ir lieliska ideja.", "The book bus is a fine idea."));
                if (juror == jurors[1])
                    await j.ShotAsync(page, $"ballot-{(nomination == alsunga ? "alsunga" : "dobele")}");
                await page.GetByTestId("save-ballot").ClickAsync();
                await page.GetByTestId("message").WaitForAsync();
                await page.GotoAsync(desk);
            }
        }
        await j.ShotAsync(jurors[1].Page, "juror-desk-scored");
        var chair = jurors[0].Page;
        await chair.GotoAsync($"/Jury/Progress?cycleId={cycleId}&categoryId={categoryId}");
        await j.ShotAsync(chair, "chair-progress");
        // The chair reads the panel's conflicts: a juror's own declaration needs no one's confirmation (it stands at once,
        // and nobody may overturn it), so the list shows it confirmed; it holds for the final too.
        await chair.GetByTestId("conflicts-link").ClickAsync();
        var declared = await chair.GetByTestId("declared").Locator("tbody tr", new() { HasTextString = jurors[4].Name }).InnerTextAsync();
        Assert.Contains(libraries[0], declared);
        Assert.Contains(j.T("Apstiprināts", "Confirmed"), declared);
        await j.ShotAsync(chair, "chair-conflicts");

        // ---- The round's close comes (the phase clock at a time after it), the count leaves the shortlist.
        Assert.Equal(1, await j.AdvancePhasesAtAsync(roundCloses.AddHours(1)));
        Assert.Equal(1, await j.CountAsync());
        await admin.GotoAsync($"/Admin/Cycles/{cycleId}");
        await admin.GetByTestId("phase").Filter(new() { HasTextString = j.T("Īsais saraksts", "Shortlist") }).WaitForAsync();
        await admin.GotoAsync($"/Admin/Results?cycleId={cycleId}");
        await admin.Locator("[data-testid^='result-']").First.WaitForAsync();
        await j.ShotAsync(admin, "round1-counted");

        // ---- The ranked final of the shortlist.
        await j.MovePhaseAsync(admin, cycleId, j.T("Īsais saraksts apstiprināts, fināls sākas.", "The shortlist stands: the final starts."), j.T("Vērtēšana", "Judging"));
        foreach (var juror in jurors)
        {
            var page = juror.Page;
            await page.GotoAsync(desk);
            await page.GetByTestId("ranking-link").ClickAsync();
            if (juror == jurors[4])
            {
                // The conflicted juror sees Alsunga on the shortlist but has no place to give it.
                Assert.Equal(0, await page.GetByTestId($"rank-{alsunga}").CountAsync());
                var recused = await page.GetByTestId($"conflicted-{alsunga}").InnerTextAsync();
                Assert.Contains(libraries[0], recused);
                Assert.Contains(j.T("Interešu konflikts", "Conflict of interest"), recused);
                await page.GetByTestId($"rank-{dobele}").SelectOptionAsync("1");
            }
            else
            {
                await page.GetByTestId($"rank-{alsunga}").SelectOptionAsync("1");
                await page.GetByTestId($"rank-{dobele}").SelectOptionAsync("2");
            }
            if (juror == jurors[1] || juror == jurors[4])
                await j.ShotAsync(page, $"ranking-{(juror == jurors[4] ? "with-conflict" : "juror")}");
            await page.GetByTestId("save-ranking").ClickAsync();
            await page.GetByTestId("message").WaitForAsync();
        }

        // ---- The final closes; the count decides and the cycle waits in results review.
        await j.MovePhaseAsync(admin, cycleId, j.T("Fināla balsošana noslēgusies.", "The final ballot has closed."), j.T("Balsu skaitīšana", "Counting"));
        Assert.Equal(1, await j.CountAsync());
        await admin.GotoAsync($"/Admin/Results?cycleId={cycleId}");
        Assert.Equal(2, await admin.Locator("[data-testid^='result-']").CountAsync());
        await j.ShotAsync(admin, "results-review");

        // The final's printable protocol (the later of the two counts): the conflicted juror's ballot says nothing
        // about Alsunga ("~", the neutral recusal), and the protocol says how the count treated it.
        var finalResult = (await admin.Locator("[data-testid^='protocol-']").EvaluateAllAsync<string[]>("links => links.map(l => l.dataset.testid)"))
            .Select(id => int.Parse(id["protocol-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Max();
        await admin.GetByTestId($"protocol-{finalResult}").ClickAsync();
        await admin.WaitForURLAsync(url => url.Contains($"/Admin/Results/Protocol?id={finalResult}", StringComparison.Ordinal));
        var recusalLine = $"{libraries[3]} ~ {libraries[0]}";
        var printedBallots = (await admin.GetByTestId("ballot-file").InnerTextAsync()).Split('\n');
        Assert.Contains(recusalLine, printedBallots);
        Assert.Contains($"{libraries[0]} > {libraries[3]} * 4", printedBallots);
        Assert.False(string.IsNullOrWhiteSpace(await admin.GetByTestId("recusal-rule").InnerTextAsync()));
        Assert.Contains(libraries[0], await admin.GetByTestId("no-preferences").InnerTextAsync());
        Assert.Contains(libraries[0], await admin.GetByTestId("recusals").InnerTextAsync());
        await j.ShotAsync(admin, "final-protocol-recusal");

        // ---- The chair writes the citation; the administrator approves it and publishes.
        await chair.GotoAsync(desk);
        await chair.GetByTestId("citation-link").ClickAsync();
        Assert.Equal(libraries[0], await chair.GetByTestId("laureate").InnerTextAsync());
        await chair.GetByTestId("citation").FillAsync("Par drosmi atvērt bibliotēku visiem novada lasītājiem.");
        await chair.Locator("#Input_CitationEn").FillAsync("For the courage to open the library to every reader of the municipality.");
        await chair.GetByTestId("save-citation").ClickAsync();
        await chair.GetByTestId("message").WaitForAsync();
        await j.ShotAsync(chair, "citation-written");

        await admin.GotoAsync($"/Admin/Results/Publication?cycleId={cycleId}");
        await admin.Locator("[data-testid^='approve-']").ClickAsync();
        await admin.GetByTestId("message").WaitForAsync();
        await j.ShotAsync(admin, "citation-approved");
        // "Publish now" first shows the announcement and every results mail as they will be sent, and asks to confirm.
        await admin.GetByTestId("publish-now").ClickAsync();
        await admin.GetByTestId("publication-preview").WaitForAsync();
        Assert.Contains(libraries[0], await admin.GetByTestId("preview-announcement").InnerTextAsync());
        Assert.True(await admin.GetByTestId("preview-mail").CountAsync() > 0);
        await j.ShotAsync(admin, "publication-preview");
        await admin.GetByTestId("confirm-publish").ClickAsync();
        await admin.GetByTestId("phase").Filter(new() { HasTextString = j.T("Publicēts", "Published") }).WaitForAsync();
        await j.ShotAsync(admin, "published");

        // The laureate's own nomination page says so too.
        await reps[0].Page.GotoAsync($"/Nominations/Edit?id={nominations[0]}");
        await reps[0].Page.GetByTestId("nomination-result").WaitForAsync();
        await j.ShotAsync(reps[0].Page, "nomination-result");

        // ---- The public: the announcement and the archive of laureates.
        var visitor = await j.VisitorAsync(j.Language);
        await visitor.GotoAsync($"/Cycles/{slug}/Results");
        Assert.Equal(libraries[0], await visitor.GetByTestId("laureate").InnerTextAsync());
        Assert.Contains(lv ? "Par drosmi atvērt" : "For the courage to open", await visitor.GetByTestId("citation").InnerTextAsync());
        Assert.Contains(libraries[3], await visitor.GetByTestId("shortlist").InnerTextAsync());
        await j.ShotAsync(visitor, "public-announcement");

        // ---- Anyone checks the count: signed out, the visitor downloads the final's ballot file and protocol from the
        // results page and recounts them with awardvote verify, which must reproduce the order and the page's SHA-256.
        Assert.Equal(0, await visitor.GetByTestId("signed-in-as").CountAsync());
        var verify = visitor.GetByTestId($"verify-{categoryId}");
        Assert.Contains(j.T("Pārbaudiet skaitīšanu", "Check the count"), await verify.InnerTextAsync());
        var publicSha256 = (await verify.GetByTestId("public-sha256").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9a-f]{64}$", publicSha256);
        var files = $"/api/cycles/{slug}/results/{categoryId}";
        Assert.Equal($"{files}/ballots", await verify.GetByTestId("public-ballot-file").GetAttributeAsync("href"));
        Assert.Equal($"{files}/protocol", await verify.GetByTestId("public-protocol").GetAttributeAsync("href"));
        await j.ShotAsync(visitor, "public-verification");
        var folder = Directory.CreateTempSubdirectory("awardvote-journey-");
        try
        {
            var ballotFile = new FileInfo(Path.Combine(folder.FullName, "ballots.txt"));
            var protocolFile = new FileInfo(Path.Combine(folder.FullName, "protocol.json"));
            var ballotDownload = await visitor.RunAndWaitForDownloadAsync(() => verify.GetByTestId("public-ballot-file").ClickAsync());
            await ballotDownload.SaveAsAsync(ballotFile.FullName);
            var protocolDownload = await visitor.RunAndWaitForDownloadAsync(() => verify.GetByTestId("public-protocol").ClickAsync());
            await protocolDownload.SaveAsAsync(protocolFile.FullName);

            var ballotBytes = await File.ReadAllBytesAsync(ballotFile.FullName);
            Assert.Equal(publicSha256, Convert.ToHexStringLower(SHA256.HashData(ballotBytes)));
            Assert.Contains(recusalLine, System.Text.Encoding.UTF8.GetString(ballotBytes).Split('\n'));
            var protocol = CountProtocol.FromJson(await File.ReadAllTextAsync(protocolFile.FullName));
            Assert.Equal(publicSha256, protocol.BallotFileSha256);
            Assert.Equal(libraries[0], protocol.Order[0].Name);
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.True(Tally.Verify(protocolFile, ballotFile, output, error) == 0, $"{output}{error}");
            Assert.Contains(publicSha256, output.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await visitor.GotoAsync("/Laureates");
        var archive = await visitor.GetByTestId("laureate-archive").InnerTextAsync();
        Assert.Contains(libraries[0], archive);
        Assert.True(archive.IndexOf(libraries[0], StringComparison.Ordinal) < archive.IndexOf("2019", StringComparison.Ordinal), "The newest laureate comes first.");
        await j.ShotAsync(visitor, "laureates-archive");

        // ---- Every mail, each person's exactly, in their language.
        await j.DeliverMailAsync();
        string[] signedUp = ["account-confirmation"];
        var expected = new Dictionary<Person, string[]>
        {
            [reps[0]] = [.. signedUp, "library-approved", "endorsement-received", "nomination-receipt", "eligibility-decision", "results-laureate"],
            [reps[1]] = [.. signedUp, "library-approved", "nomination-receipt"],
            [reps[2]] = [.. signedUp, "library-approved", "nomination-receipt", "eligibility-decision"],
            [reps[3]] = [.. signedUp, "library-approved", "nomination-receipt", "eligibility-decision", "results-nominee"],
        };
        foreach (var juror in jurors)
            expected[juror] = [.. signedUp, "jury-invitation", "judging-opened", "judging-opened", "results-juror"];
        foreach (var (person, purposes) in expected)
            AssertMails(person.Email, person.Culture, purposes);
        AssertMails(endorserEmail, Culture(), ["endorsement-request", "results-endorser"]);

        var laureateMail = Mailbox.To(reps[0].Email).Single(m => Purpose(m) == "results-laureate");
        Assert.Equal(lv ? $"Konkursa „Gada bibliotēka {Year}” laureāte: {libraries[0]}" : $"{libraries[0]} is the laureate of Library of the Year {Year}", laureateMail.Subject);
        var englishJuror = Mailbox.To(jurors[2].Email).Single(m => Purpose(m) == "results-juror");
        Assert.Equal($"Results of Library of the Year {Year}", englishJuror.Subject);
        var nomineeMail = Mailbox.To(reps[3].Email).Single(m => Purpose(m) == "results-nominee");
        Assert.Contains(j.T("Grāmatu buss ir lieliska ideja.", "The book bus is a fine idea."), nomineeMail.TextBody);
        Assert.DoesNotContain(jurors[1].Name, nomineeMail.TextBody);
    }

    private static string? Purpose(MimeMessage message) => message.Headers["X-AwardVote-Purpose"];

    private static void AssertMails(string email, string culture, string[] purposes)
    {
        var mails = Mailbox.To(email);
        Assert.Equal(purposes.Order(StringComparer.Ordinal), mails.Select(m => Purpose(m) ?? "?").Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal(culture, m.Body?.Headers[HeaderId.ContentLanguage]));
    }
}
