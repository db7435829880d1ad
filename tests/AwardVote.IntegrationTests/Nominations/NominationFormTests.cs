using System.Net;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Nominations;

[Collection(AppsCollection.Name)]
public sealed class NominationFormTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_representative_starts_writes_and_submits_a_nomination_and_receives_a_receipt(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Valkas bibliotēka");
        using var browser = await world.SignedInAsync(email);

        using var started = await browser.SubmitFormAsync("/Nominations", new Dictionary<string, string>
        {
            ["Start.CycleCategory"] = $"{world.CycleId}:{world.CategoryId}",
            ["Start.ActingLibraryId"] = libraryId.ToString(),
            ["Start.NomineeLibraryId"] = "",
        }, "/Nominations?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var editUrl = started.Headers.Location!.OriginalString;
        var id = int.Parse(editUrl.Split("id=")[1]);

        using var saved = await SaveAsync(browser, id, "Bērnu lasīšanas centrs", "Atvērām **jaunu** centru.", ("Valkas novada pašvaldība", "finansējums"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var submitted = await PostEditAsync(browser, id, "Submit", "Bērnu lasīšanas centrs", "Atvērām **jaunu** centru.",
            partner: ("Valkas novada pašvaldība", "finansējums"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var nomination = await world.QueryAsync(db => db.Nominations.Include(n => n.Partners).SingleAsync(n => n.Id == id));
        Assert.Equal(NominationStatus.Submitted, nomination.Status);
        Assert.Equal("Valkas novada pašvaldība", Assert.Single(nomination.Partners).Name);
        var actions = await world.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Nomination" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("nomination.created", actions);
        Assert.Contains("nomination.saved", actions);
        Assert.Contains("nomination.submitted", actions);

        await world.DeliverMailAsync();
        var receipt = Assert.Single(await Mailbox.WaitForAsync(email));
        Assert.Equal("Pieteikums saņemts: Valkas bibliotēka", receipt.Subject);
        Assert.Contains("Bērnu lasīšanas centrs", receipt.TextBody);
    }

    [Theory, AllProviders]
    public async Task A_save_after_the_deadline_is_refused_with_a_message_and_the_typed_text_stays_in_the_form(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Smiltenes bibliotēka");
        var id = await world.NominationAsync(libraryId, achievements: "Vecais teksts");
        using var browser = await world.SignedInAsync(email);
        var form = await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        // The deadline passes while the library is on the form (the phase job has not run yet).
        await world.CloseNominationsNowAsync();

        using var response = await PostEditAsync(browser, id, "Save", "Jauns kopsavilkums", "Jaunais, rūpīgi rakstītais teksts", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pieteikšanās termiņš beidzās", html);
        Assert.Contains("Jaunais, rūpīgi rakstītais teksts", html);
        Assert.Equal("Vecais teksts", await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Achievements).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task A_frozen_nomination_cannot_change(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Apes bibliotēka");
        var id = await world.NominationAsync(libraryId, achievements: "Iesaldēts teksts");
        using var browser = await world.SignedInAsync(email);
        var form = await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.FrozenAt, DateTimeOffset.UtcNow)));

        using var response = await PostEditAsync(browser, id, "Save", "x", "Mainīts", form);

        Assert.Contains("iesaldēts", await response.Content.ReadAsStringAsync());
        Assert.Equal("Iesaldēts teksts", await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Achievements).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task Only_a_representative_of_the_nominee_approved_or_awaiting_approval_edits_it(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, _) = await world.LibraryAsync("Alūksnes bibliotēka");
        var (_, otherEmail) = await world.LibraryAsync("Balvu bibliotēka");
        var id = await world.NominationAsync(libraryId, achievements: "Oriģināls");

        using var other = await world.SignedInAsync(otherEmail);
        using var otherGet = await other.Http.GetAsync($"/Nominations/Edit?id={id}");
        Assert.StartsWith("/Account/AccessDenied", otherGet.Headers.Location!.PathAndQuery);
        // A form of the other library's own page, posted to this nomination's id (a tampered id).
        var (otherLibraryId, _) = (await world.QueryAsync(db => db.RoleGrants.Where(g => g.LibraryId != null).Join(db.Users.Where(u => u.Email == otherEmail), g => g.UserId, u => u.Id, (g, u) => g.LibraryId!.Value).SingleAsync()), 0);
        var ownId = await world.NominationAsync(otherLibraryId);
        var ownForm = await other.GetPageAsync($"/Nominations/Edit?id={ownId}");
        using var tampered = await PostEditAsync(other, id, "Save", "x", "Uzlauzts", ownForm);
        Assert.NotEqual(HttpStatusCode.OK, tampered.StatusCode);
        Assert.Equal("Oriģināls", await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Achievements).SingleAsync()));

        using var anonymous = new Browserless(world.App);
        using var anonymousGet = await anonymous.Http.GetAsync($"/Nominations/Edit?id={id}");
        Assert.StartsWith("/Account/Login", anonymousGet.Headers.Location!.PathAndQuery);

        // A library awaiting approval writes its draft (issue 16); a refused one does not.
        var (pendingId, pendingEmail) = await world.LibraryAsync("Gaidošā bibliotēka", LibraryStatus.PendingApproval);
        var pendingNomination = await world.NominationAsync(pendingId);
        using var pending = await world.SignedInAsync(pendingEmail);
        using var pendingGet = await pending.Http.GetAsync($"/Nominations/Edit?id={pendingNomination}");
        Assert.Equal(HttpStatusCode.OK, pendingGet.StatusCode);
        var (refusedId, refusedEmail) = await world.LibraryAsync("Noraidītā bibliotēka", LibraryStatus.Refused);
        var refusedNomination = await world.NominationAsync(refusedId);
        using var refused = await world.SignedInAsync(refusedEmail);
        using var refusedGet = await refused.Http.GetAsync($"/Nominations/Edit?id={refusedNomination}");
        Assert.StartsWith("/Account/AccessDenied", refusedGet.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task A_change_made_in_another_tab_is_not_overwritten(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Tukuma filiāle");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);
        var firstTab = await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        var secondTab = await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        using var first = await PostEditAsync(browser, id, "Save", "Pirmā cilne", "Pirmā", firstTab);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await PostEditAsync(browser, id, "Save", "Otrā cilne", "Otrā", secondTab);

        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Kāds cits pa to laiku mainīja šo pieteikumu", html);
        Assert.Contains("Otrā cilne", html);
        Assert.Equal("Pirmā", await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Achievements).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task A_library_starts_one_nomination_per_cycle_and_category(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Limbažu bibliotēka");
        using var browser = await world.SignedInAsync(email);
        var fields = new Dictionary<string, string>
        {
            ["Start.CycleCategory"] = $"{world.CycleId}:{world.CategoryId}",
            ["Start.ActingLibraryId"] = libraryId.ToString(),
        };
        using var first = await browser.SubmitFormAsync("/Nominations", fields, "/Nominations?handler=Start");

        using var second = await browser.SubmitFormAsync("/Nominations", fields, "/Nominations?handler=Start");

        Assert.Contains("Šajā kategorijā jau ir pieteikums: Limbažu bibliotēka.", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await world.QueryAsync(db => db.Nominations.CountAsync(n => n.LibraryId == libraryId)));
    }

    [Theory, AllProviders]
    public async Task Scripts_in_markdown_never_reach_the_page(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("<b>Rūjienas</b> bibliotēka");
        var id = await world.NominationAsync(libraryId,
            achievements: "<script>alert('x')</script>\n\n**Drošs** teksts [saite](javascript:alert(1)) <img src=x onerror=alert(1)>");
        using var browser = await world.SignedInAsync(email);

        var html = await browser.GetPageAsync($"/Nominations/Preview?id={id}");

        Assert.Contains("<strong>Drošs</strong>", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotMatch("<[^>]*onerror", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>Rūjienas</b>", html);
        Assert.Contains("&lt;b&gt;Rūjienas&lt;/b&gt; bibliotēka", html);
    }

    internal static Task<HttpResponseMessage> SaveAsync(Browserless browser, int id, string summary, string achievements, (string Name, string Role)? partner = null) =>
        PostEditAsync(browser, id, "Save", summary, achievements, partner: partner);

    internal static async Task<HttpResponseMessage> PostEditAsync(Browserless browser, int id, string handler, string summary, string achievements,
        string? openedForm = null, (string Name, string Role)? partner = null)
    {
        var form = openedForm ?? await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(form),
            ["Input.Version"] = Browserless.InputValue(form, "Input.Version"),
            ["Input.PublicSummary"] = summary,
            ["Input.Achievements"] = achievements,
            ["Input.Statistics[0].Kind"] = "Visits",
            ["Input.Statistics[0].Value"] = "120000",
            ["Input.Statistics[0].Unit"] = "apmeklējumi",
            ["Input.Statistics[0].Year"] = "2025",
        };
        if (partner is { } p)
        {
            fields["Input.Partners[0].Name"] = p.Name;
            fields["Input.Partners[0].Role"] = p.Role;
        }
        return await browser.Http.PostAsync($"/Nominations/Edit?id={id}&handler={handler}", new FormUrlEncodedContent(fields));
    }
}
