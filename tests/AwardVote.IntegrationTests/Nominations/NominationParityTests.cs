using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static AwardVote.IntegrationTests.Nominations.NominationApiClient;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// Each nomination page and its endpoint run one use case: the same input is refused with the same words (Latvian,
/// the default) on both, and nothing is saved by either.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class NominationParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Starting_a_second_nomination_and_starting_after_the_deadline_are_refused_alike(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Limbažu bibliotēka");
        await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);
        var form = new Dictionary<string, string>
        {
            ["Start.CycleCategory"] = $"{world.CycleId}:{world.CategoryId}", ["Start.ActingLibraryId"] = $"{libraryId}",
        };
        var body = new { categoryId = world.CategoryId, actingLibraryId = libraryId };

        using (var page = await browser.SubmitFormAsync("/Nominations", form, "/Nominations?handler=Start"))
        using (var api = await client.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations", body))
        {
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.Conflict, "Šajā kategorijā jau ir pieteikums: Limbažu bibliotēka.");
            Assert.Equal("NominationAlreadyExists", await Parity.ProblemCodeAsync(api));
        }

        var (otherId, otherEmail) = await world.LibraryAsync("Salacgrīvas bibliotēka");
        using var other = await world.SignedInAsync(otherEmail);
        using var otherClient = await BearerAsync(world, otherEmail);
        var otherPage = await other.GetPageAsync("/Nominations");
        await world.CloseNominationsNowAsync();
        form["Start.ActingLibraryId"] = $"{otherId}";
        form["__RequestVerificationToken"] = Browserless.AntiforgeryToken(otherPage);
        using (var page = await other.Http.PostAsync("/Nominations?handler=Start", new FormUrlEncodedContent(form)))
        using (var api = await otherClient.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations", new { categoryId = world.CategoryId, actingLibraryId = otherId }))
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.Conflict, "Pieteikšanās šim balvas ciklam ir slēgta.");

        Assert.Equal(0, await world.QueryAsync(db => db.Nominations.CountAsync(n => n.LibraryId == otherId)));
    }

    /// <summary>
    /// The disagreement issue 13 names: the API saved half-filled statistics, partner and link rows by leaving them
    /// out, with a 200, where the page said what is missing. Now both refuse, beside the row, with the same words.
    /// </summary>
    [Theory, AllProviders]
    public async Task A_half_filled_statistic_partner_or_link_row_is_refused_alike_and_nothing_is_saved(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Mazsalacas bibliotēka");
        var id = await world.NominationAsync(libraryId, achievements: "Iepriekšējais teksts");
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();

        var opened = await browser.GetPageAsync($"/Nominations/Edit?id={id}");
        using var page = await browser.Http.PostAsync($"/Nominations/Edit?id={id}&handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(opened),
            ["Input.Version"] = $"{version}",
            ["Input.Achievements"] = "Jaunais teksts",
            ["Input.Statistics[0].Kind"] = "Visits",
            ["Input.Statistics[0].Value"] = "5000",
            ["Input.Partners[0].Role"] = "finansējums",
            ["Input.Links[0].Title"] = "Mājaslapa",
        }));
        using var api = await client.PutAsJsonAsync($"/api/nominations/{id}", new
        {
            version,
            achievements = "Jaunais teksts",
            statistics = new[] { new { kind = 1, value = 5000 } },
            partners = new[] { new { role = "finansējums" } },
            links = new[] { new { title = "Mājaslapa" } },
        });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Norādiet gadu, uz kuru skaitlis attiecas.");
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Norādiet partnera nosaukumu.");
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Norādiet saites adresi.");
        var fields = (await JsonAsync(api, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(fields.TryGetProperty("statistics[0].year", out _));
        Assert.True(fields.TryGetProperty("partners[0].name", out _));
        Assert.True(fields.TryGetProperty("links[0].url", out _));
        var saved = await world.QueryAsync(db => db.Nominations.Include(n => n.Statistics).Include(n => n.Partners).SingleAsync(n => n.Id == id));
        Assert.Equal("Iepriekšējais teksts", saved.Achievements);
        Assert.Empty(saved.Statistics);
        Assert.Empty(saved.Partners);
    }

    [Theory, AllProviders]
    public async Task Submitting_without_a_summary_and_withdrawing_a_draft_are_refused_alike(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Rūjienas bibliotēka");
        var id = await world.NominationAsync(libraryId, summary: null, achievements: null);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);

        using var page = await NominationFormTests.PostEditAsync(browser, id, "Submit", "", "");
        var onPage = await MessageAfterRedirectAsync(browser, page);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();
        using var api = await client.PostAsJsonAsync($"/api/nominations/{id}/submit", new { version });
        Assert.Equal("Pirms iesniegšanas uzrakstiet publisko kopsavilkumu un sasniegumus.", onPage);
        Assert.Equal(new[] { onPage }, await Parity.ProblemMessagesAsync(api));
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);

        using var withdrawPage = await NominationFormTests.PostEditAsync(browser, id, "Withdraw", "", "");
        var withdrawnOnPage = await MessageAfterRedirectAsync(browser, withdrawPage);
        version = (await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();
        using var withdrawApi = await client.PostAsJsonAsync($"/api/nominations/{id}/withdraw", new { version });
        Assert.Equal("Atsaukt var tikai iesniegtu pieteikumu.", withdrawnOnPage);
        Assert.Equal(new[] { withdrawnOnPage }, await Parity.ProblemMessagesAsync(withdrawApi));
        Assert.Equal(NominationStatus.Draft, await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task Confirming_a_nomination_that_waits_for_nothing_is_refused_alike(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Alojas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);

        using var page = await browser.SubmitFormAsync("/Nominations", new Dictionary<string, string> { ["id"] = $"{id}", ["accept"] = "true" },
            "/Nominations?handler=Confirm");
        using var api = await client.PostAsync($"/api/nominations/{id}/confirm", null);
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.Conflict, "Šis pieteikums negaida apstiprinājumu.");
        using var decline = await client.PostAsync($"/api/nominations/{id}/decline", null);
        Assert.Equal(await Parity.ProblemMessagesAsync(api), await Parity.ProblemMessagesAsync(decline));
    }

    [Theory, AllProviders]
    public async Task A_photo_without_consent_and_a_removal_after_the_deadline_are_refused_alike(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Ainažu bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);
        var photo = AttachmentTests.Png(20, 20);

        using var page = await browser.UploadAsync($"/Nominations/Attachments?id={id}", $"/Nominations/Attachments?id={id}&handler=Upload",
            new Dictionary<string, string> { ["Input.Caption"] = "Lasītava", ["Input.ConsentGiven"] = "false" }, "Input.File", "foto.png", photo);
        using var api = await client.PostAsync($"/api/nominations/{id}/attachments",
            Multipart([("caption", "Lasītava"), ("consentGiven", "false")], "file", "foto.png", photo));
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest,
            "Apstipriniet, ka fotogrāfijā redzamie cilvēki piekrita tās izmantošanai.");
        Assert.Equal(0, await world.QueryAsync(db => db.Attachments.CountAsync(a => a.NominationId == id)));

        using var uploaded = await client.PostAsync($"/api/nominations/{id}/attachments",
            Multipart([("caption", "Lasītava"), ("consentGiven", "true"), ("licence", "CC BY 4.0")], "file", "foto.png", photo));
        var attachmentId = (await JsonAsync(uploaded, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var opened = await browser.GetPageAsync($"/Nominations/Attachments?id={id}");
        await world.CloseNominationsNowAsync();
        using var removePage = await browser.Http.PostAsync($"/Nominations/Attachments?id={id}&handler=Delete", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(opened), ["attachmentId"] = $"{attachmentId}" }));
        using var removeApi = await client.DeleteAsync($"/api/nominations/{id}/attachments/{attachmentId}");
        Assert.Equal(HttpStatusCode.OK, removePage.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, removeApi.StatusCode);
        var deadline = Assert.Single(await Parity.ProblemMessagesAsync(removeApi));
        Assert.StartsWith("Pieteikšanās termiņš beidzās", deadline);
        Assert.Contains(deadline, Parity.FormErrors(await removePage.Content.ReadAsStringAsync()));
        Assert.Equal(1, await world.QueryAsync(db => db.Attachments.CountAsync(a => a.NominationId == id)));
    }

    [Theory, AllProviders]
    public async Task Asking_for_a_letter_at_a_bad_address_or_twice_is_refused_alike(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Staiceles bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);

        using var page = await browser.SubmitFormAsync($"/Nominations/Endorsements?id={id}",
            new Dictionary<string, string> { ["Input.Name"] = "Novada dome", ["Input.Email"] = "dome@novads", ["Input.Culture"] = "lv" },
            $"/Nominations/Endorsements?id={id}&handler=Request");
        using var api = await client.PostAsJsonAsync($"/api/nominations/{id}/endorsements", new { name = "Novada dome", email = "dome@novads", culture = "lv" });
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Ievadiet derīgu e-pasta adresi.");

        var address = $"dome-{Guid.NewGuid():N}@novads.example";
        using var asked = await client.PostAsJsonAsync($"/api/nominations/{id}/endorsements", new { name = "Novada dome", email = address, culture = "lv" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        using var againPage = await browser.SubmitFormAsync($"/Nominations/Endorsements?id={id}",
            new Dictionary<string, string> { ["Input.Name"] = "Novada dome", ["Input.Email"] = address, ["Input.Culture"] = "lv" },
            $"/Nominations/Endorsements?id={id}&handler=Request");
        using var againApi = await client.PostAsJsonAsync($"/api/nominations/{id}/endorsements", new { name = "Novada dome", email = address });
        await Parity.AssertSameRefusalAsync(againPage, againApi, HttpStatusCode.BadRequest, $"Lūgums uzrakstīt vēstuli šim pieteikumam jau ir nosūtīts: {address}.");
        Assert.Equal(1, await world.QueryAsync(db => db.Endorsements.CountAsync(e => e.NominationId == id)));
    }

    [Theory, AllProviders]
    public async Task The_endorser_is_refused_alike_for_an_expired_link_and_an_empty_letter(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, _) = await world.LibraryAsync("Valmieras bibliotēka");
        var id = await world.NominationAsync(libraryId);
        var (expired, expiredHash) = AwardVote.Infrastructure.Security.OneTimeToken.Create();
        var (fresh, freshHash) = AwardVote.Infrastructure.Security.OneTimeToken.Create();
        await world.QueryAsync(async db =>
        {
            db.Endorsements.Add(new Endorsement
            {
                NominationId = id, EndorserName = "Vecā saite", EndorserEmail = "old@example.org", TokenHash = expiredHash,
                RequestedAt = DateTimeOffset.UtcNow.AddDays(-40), TokenExpiresAt = DateTimeOffset.UtcNow.AddDays(-10),
            });
            db.Endorsements.Add(new Endorsement
            {
                NominationId = id, EndorserName = "Jaunā saite", EndorserEmail = "new@example.org", TokenHash = freshHash,
                RequestedAt = DateTimeOffset.UtcNow, TokenExpiresAt = DateTimeOffset.UtcNow.AddDays(10),
            });
            return await db.SaveChangesAsync();
        });
        using var endorser = new Browserless(world.App);
        using var script = world.App.CreateClient();

        var onPage = Notice(await endorser.GetPageAsync($"/Endorse?token={expired}"), "link-refused");
        using var api = await script.GetAsync($"/api/endorsements/{expired}");
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("Šīs saites derīguma termiņš ir beidzies. Palūdziet bibliotēkai jaunu saiti.", onPage);
        Assert.Equal(new[] { onPage }, await Parity.ProblemMessagesAsync(api));

        using var page = await endorser.SubmitFormAsync($"/Endorse?token={fresh}",
            new Dictionary<string, string> { ["Token"] = fresh, ["Input.Letter"] = " " }, $"/Endorse?token={fresh}");
        using var letter = await script.PostAsync("/api/endorsements/letter", Multipart([("token", fresh), ("letter", " ")]));
        await Parity.AssertSameRefusalAsync(page, letter, HttpStatusCode.BadRequest, "Uzrakstiet vēstuli.");
        Assert.Equal(0, await world.QueryAsync(db => db.Endorsements.CountAsync(e => e.NominationId == id && e.Status == EndorsementStatus.Received)));
    }

    [Theory, AllProviders]
    public async Task Screening_out_without_a_reason_is_refused_alike(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, _) = await world.LibraryAsync("Kārsavas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NominationStatus.Submitted)));
        using var admin = await world.SignedInAdministratorAsync();
        using var client = await BearerAsync(world, DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        using var page = await admin.SubmitFormAsync($"/Admin/Eligibility?cycleId={world.CycleId}", new Dictionary<string, string>
        {
            ["Decision.NominationId"] = $"{id}", ["Decision.Outcome"] = "Ineligible", ["Decision.Reason"] = "",
        }, "/Admin/Eligibility?handler=Decide");
        using var api = await client.PostAsJsonAsync($"/api/admin/nominations/{id}/eligibility", new { outcome = "Ineligible", reason = "" });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Norādiet pamatojumu: bibliotēka to izlasīs.");
        Assert.Equal("EligibilityReasonMissing", await Parity.ProblemCodeAsync(api));
        Assert.Equal(EligibilityDecision.NotReviewed, await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Eligibility).SingleAsync()));
    }
}
