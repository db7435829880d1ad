using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static AwardVote.IntegrationTests.Nominations.NominationApiClient;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// Everything a library, an endorser and the administrator do with a nomination on the pages, done through the JSON
/// API alone, with the ids the API itself hands out.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class NominationApiJourneyTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_library_starts_writes_gathers_a_letter_and_submits_and_the_administrator_screens_it_all_through_the_api(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (_, email) = await world.LibraryAsync("Jelgavas bibliotēka");
        using var library = await BearerAsync(world, email);

        // The ids: the cycle from the list of cycles, its category from the cycle, the library from "mine".
        var cycles = await library.GetFromJsonAsync<JsonElement>("/api/cycles");
        var slug = cycles.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == world.CycleId).GetProperty("slug").GetString();
        var cycle = await library.GetFromJsonAsync<JsonElement>($"/api/cycles/{slug}");
        var categoryId = cycle.GetProperty("statute").GetProperty("categories")[0].GetProperty("id").GetInt32();
        var libraryId = (await library.GetFromJsonAsync<JsonElement>("/api/libraries/mine"))[0].GetProperty("id").GetInt32();

        using var started = await library.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations", new { categoryId, actingLibraryId = libraryId });
        var nomination = await JsonAsync(started, HttpStatusCode.Created);
        var id = nomination.GetProperty("id").GetInt32();
        Assert.Equal($"/api/nominations/{id}", started.Headers.Location!.OriginalString);
        Assert.Equal("Draft", nomination.GetProperty("status").GetString());

        using var saved = await library.PutAsJsonAsync($"/api/nominations/{id}", new
        {
            version = nomination.GetProperty("version").GetGuid(),
            publicSummary = "Bibliotēka visai pilsētai",
            achievements = "Atvērām **jaunu** lasītavu.",
            partners = new[] { new { name = "Jelgavas valstspilsēta", role = "finansējums" }, new { name = "", role = "" } },
            statistics = new[] { new { kind = 1, value = 90_000, unit = "apmeklējumi", year = 2026 } },
            links = new[] { new { url = "https://jelgava.example", title = "Mājaslapa" } },
        });
        var written = await JsonAsync(saved, HttpStatusCode.OK);
        Assert.Single(written.GetProperty("partners").EnumerateArray());

        using var photo = await library.PostAsync($"/api/nominations/{id}/attachments",
            Multipart([("caption", "Lasītava"), ("consentGiven", "true"), ("licence", "CC BY 4.0")], "file", "lasitava.png", AttachmentTests.Png(40, 30)));
        var attachment = await JsonAsync(photo, HttpStatusCode.Created);
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());

        var endorserEmail = $"mers-{Guid.NewGuid():N}@jelgava.example";
        using var asked = await library.PostAsJsonAsync($"/api/nominations/{id}/endorsements",
            new { name = "Andris Rāviņš", email = endorserEmail, organisation = "Dome", culture = "en" });
        Assert.Equal("Requested", (await JsonAsync(asked, HttpStatusCode.Created)).GetProperty("status").GetString());

        // The endorser has only the mail: the token in its link opens the letter, without an account.
        await world.DeliverMailAsync();
        var request = Assert.Single(await Mailbox.WaitForAsync(endorserEmail));
        var token = EndorseLink().Match(request.TextBody ?? "").Groups[1].Value;
        using var endorser = world.App.CreateClient();
        var link = await JsonAsync(await endorser.GetAsync($"/api/endorsements/{token}"), HttpStatusCode.OK);
        Assert.Equal("Jelgavas bibliotēka", link.GetProperty("libraryName").GetString());
        using var letter = await endorser.PostAsync("/api/endorsements/letter",
            Multipart([("token", token), ("letter", "The library brings the town together."), ("wantsResults", "true")]));
        Assert.True((await JsonAsync(letter, HttpStatusCode.OK)).GetProperty("received").GetBoolean());
        using var again = await endorser.PostAsync("/api/endorsements/letter", Multipart([("token", token), ("letter", "Once more.")]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var letters = await library.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}/endorsements");
        Assert.Equal("Received", Assert.Single(letters.EnumerateArray()).GetProperty("status").GetString());

        var current = await library.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}");
        using var submitted = await library.PostAsJsonAsync($"/api/nominations/{id}/submit", new { version = current.GetProperty("version").GetGuid() });
        Assert.Equal("Submitted", (await JsonAsync(submitted, HttpStatusCode.OK)).GetProperty("status").GetString());

        using var admin = await BearerAsync(world, DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var screened = (await admin.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.CycleId}/nominations"))
            .EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal("Administration", screened.GetProperty("seenAs").GetString());
        Assert.Equal("Submitted", screened.GetProperty("status").GetString());
        using var decided = await admin.PostAsJsonAsync($"/api/admin/nominations/{id}/eligibility", new { outcome = "Eligible" });
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);

        var mine = Assert.Single((await library.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.CycleId}/nominations")).EnumerateArray());
        Assert.Equal("Library", mine.GetProperty("seenAs").GetString());
        Assert.Equal("Eligible", mine.GetProperty("eligibility").GetString());
        // Nominations are still open: the public sees no nominees yet.
        using var anonymous = world.App.CreateClient();
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.CycleId}/nominations")).EnumerateArray());

        var actions = await world.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Nomination" && a.EntityId == id.ToString())
            .Select(a => a.Action).ToListAsync());
        foreach (var action in new[] { "nomination.created", "nomination.saved", "attachment.uploaded", "endorsement.requested",
                     "endorsement.received", "nomination.submitted", "nomination.eligibility-decided" })
            Assert.Contains(action, actions);
    }

    [Theory, AllProviders]
    public async Task A_library_nominates_another_which_confirms_through_the_api(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (nominatorId, nominatorEmail) = await world.LibraryAsync("Tukuma bibliotēka");
        var (nomineeId, nomineeEmail) = await world.LibraryAsync("Kandavas bibliotēka");
        using var nominator = await BearerAsync(world, nominatorEmail);
        using var nominee = await BearerAsync(world, nomineeEmail);

        using var started = await nominator.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations",
            new { categoryId = world.CategoryId, actingLibraryId = nominatorId, nomineeLibraryId = nomineeId });
        var nomination = await JsonAsync(started, HttpStatusCode.Created);
        var id = nomination.GetProperty("id").GetInt32();
        Assert.Equal("AwaitingNomineeConfirmation", nomination.GetProperty("status").GetString());

        // The nominating library reads it in its list, and may not answer for the nominee.
        var listed = Assert.Single((await nominator.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.CycleId}/nominations")).EnumerateArray());
        Assert.Equal(nominatorId, listed.GetProperty("nominatedByLibraryId").GetInt32());
        using var forbidden = await nominator.PostAsync($"/api/nominations/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        // Acting for a library one does not represent is forbidden, as on the page.
        using var notMine = await nominator.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations",
            new { categoryId = world.CategoryId, actingLibraryId = nomineeId });
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);

        using var confirmed = await nominee.PostAsync($"/api/nominations/{id}/confirm", null);
        Assert.Equal("Draft", (await JsonAsync(confirmed, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.NotNull(await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.NomineeConfirmedAt).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task Once_nominations_close_the_public_list_shows_what_the_statute_makes_public_and_nothing_more(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, _) = await world.LibraryAsync("Bauskas bibliotēka");
        var (otherId, otherEmail) = await world.LibraryAsync("Iecavas bibliotēka");
        var (thirdId, _) = await world.LibraryAsync("Vecumnieku bibliotēka");
        var submitted = await world.NominationAsync(libraryId, summary: "Publiskais kopsavilkums");
        var draft = await world.NominationAsync(otherId);
        var ineligible = await world.NominationAsync(thirdId);
        await world.QueryAsync(async db =>
        {
            await db.Nominations.Where(n => n.Id == submitted || n.Id == ineligible)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NominationStatus.Submitted));
            await db.Nominations.Where(n => n.Id == ineligible).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Eligibility, EligibilityDecision.Ineligible).SetProperty(n => n.EligibilityReason, "Slepens iemesls"));
            return await db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Phase, CyclePhase.EligibilityReview).SetProperty(c => c.NomineesPublicAfterNominationsClose, true));
        });

        using var anonymous = world.App.CreateClient();
        var body = await anonymous.GetStringAsync($"/api/cycles/{world.CycleId}/nominations");
        var row = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(submitted, row.GetProperty("id").GetInt32());
        Assert.Equal("Public", row.GetProperty("seenAs").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("status").ValueKind);
        Assert.DoesNotContain("Slepens iemesls", body);

        // The other library sees its own draft with its status beside the public nominee, and nothing of the third.
        using var other = await BearerAsync(world, otherEmail);
        var rows = (await other.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.CycleId}/nominations")).EnumerateArray().ToList();
        Assert.Equal(new[] { draft, submitted }.Order(), rows.Select(r => r.GetProperty("id").GetInt32()).Order());
        Assert.Equal("Draft", rows.Single(r => r.GetProperty("id").GetInt32() == draft).GetProperty("status").GetString());
        Assert.DoesNotContain(rows, r => r.GetProperty("id").GetInt32() == ineligible);

        using var missing = await anonymous.GetAsync("/api/cycles/99999999/nominations");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
