using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using static AwardVote.IntegrationTests.Nominations.NominationApiClient;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// Issue 14, item 6, tried as the rival library would: it nominates a library before that library starts its own.
/// The nominee can always start its own; a decline ends the rival's part at once; nothing written after it reaches the
/// rival, on any path (the API, the pages, the files, the letters, the lists).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class NominationSquattingTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task After_a_decline_the_rival_reads_nothing_the_nominee_writes_on_any_path(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (rivalId, rivalEmail) = await world.LibraryAsync("Sāncenšu bibliotēka");
        var (nomineeId, nomineeEmail) = await world.LibraryAsync("Ludzas bibliotēka");
        using var rival = await BearerAsync(world, rivalEmail);
        using var rivalBrowser = await world.SignedInAsync(rivalEmail);
        using var nominee = await world.SignedInAsync(nomineeEmail);
        using var nomineeApi = await BearerAsync(world, nomineeEmail);

        using var started = await rival.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations",
            new { categoryId = world.CategoryId, actingLibraryId = rivalId, nomineeLibraryId = nomineeId });
        var id = (await JsonAsync(started, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        // While it waits for the nominee the rival reads it: the test below is about what a decline takes away.
        using (var before = await rival.GetAsync($"/api/nominations/{id}"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var declined = await nominee.SubmitFormAsync("/Nominations", new Dictionary<string, string> { ["id"] = $"{id}", ["accept"] = "false" },
            "/Nominations?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var after = await world.QueryAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Null(after.NominatedByLibraryId);
        Assert.Equal(NominationStatus.Withdrawn, after.Status);

        // The nominee writes its own nomination in the slot, with a file and a letter asked for.
        const string secret = "Mūsu slepenā stratēģija 2027";
        using var saved = await NominationFormTests.SaveAsync(nominee, id, "Ludzas kopsavilkums", secret);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var uploaded = await nomineeApi.PostAsync($"/api/nominations/{id}/attachments",
            Multipart([("caption", secret), ("consentGiven", "true"), ("licence", "CC BY 4.0")], "file", "plans.png", AttachmentTests.Png(12, 12)));
        var fileId = (await JsonAsync(uploaded, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        using var asked = await nomineeApi.PostAsJsonAsync($"/api/nominations/{id}/endorsements",
            new { name = "Ludzas dome", email = $"dome-{Guid.NewGuid():N}@ludza.example", culture = "lv" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);

        foreach (var path in new[] { $"/api/nominations/{id}", $"/api/nominations/{id}/endorsements" })
        {
            using var read = await rival.GetAsync(path);
            Assert.True(read.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path}: {read.StatusCode}");
        }
        foreach (var path in new[] { $"/Nominations/Preview?id={id}", $"/Nominations/File?id={fileId}", $"/Nominations/Edit?id={id}",
                     $"/Nominations/Endorsements?id={id}", $"/Nominations/Attachments?id={id}" })
        {
            using var read = await rivalBrowser.Http.GetAsync(path);
            Assert.True(read.StatusCode == HttpStatusCode.Redirect && read.Headers.Location!.OriginalString.Contains("/Account/AccessDenied"),
                $"{path}: {read.StatusCode} {read.Headers.Location}");
        }
        var list = await rival.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.CycleId}/nominations");
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
        var page = await rivalBrowser.GetPageAsync("/Nominations");
        Assert.DoesNotContain($"data-testid=\"status-{id}\"", page);
        Assert.DoesNotContain(secret, page);
    }

    [Theory, AllProviders]
    public async Task A_library_a_rival_nominated_can_start_its_own_at_once_and_the_rival_loses_it(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (rivalId, rivalEmail) = await world.LibraryAsync("Aizkraukles bibliotēka");
        var (nomineeId, nomineeEmail) = await world.LibraryAsync("Kokneses bibliotēka");
        using var rival = await BearerAsync(world, rivalEmail);
        using var started = await rival.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations",
            new { categoryId = world.CategoryId, actingLibraryId = rivalId, nomineeLibraryId = nomineeId });
        var id = (await JsonAsync(started, HttpStatusCode.Created)).GetProperty("id").GetInt32();

        // The nominee neither confirms nor declines: it starts its own, on the page, as if nobody had got there first.
        using var nominee = await world.SignedInAsync(nomineeEmail);
        using var own = await nominee.SubmitFormAsync("/Nominations", new Dictionary<string, string>
        {
            ["Start.CycleCategory"] = $"{world.CycleId}:{world.CategoryId}", ["Start.ActingLibraryId"] = $"{nomineeId}", ["Start.NomineeLibraryId"] = "",
        }, "/Nominations?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal($"/Nominations/Edit?id={id}", own.Headers.Location!.OriginalString);
        var taken = await world.QueryAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.LibraryId == nomineeId && n.CycleId == world.CycleId));
        Assert.Equal((id, NominationStatus.Draft, (int?)null), (taken.Id, taken.Status, taken.NominatedByLibraryId));
        Assert.Contains("nomination.taken-over-by-nominee", await world.QueryAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Nomination" && a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync()));

        using var read = await rival.GetAsync($"/api/nominations/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        // Nominating it again does not take the slot back: it is the nominee's.
        using var again = await rival.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations",
            new { categoryId = world.CategoryId, actingLibraryId = rivalId, nomineeLibraryId = nomineeId });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Null(await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.NominatedByLibraryId).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task After_declining_through_the_api_the_nominee_starts_and_submits_its_own(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (rivalId, rivalEmail) = await world.LibraryAsync("Preiļu bibliotēka");
        var (nomineeId, nomineeEmail) = await world.LibraryAsync("Līvānu bibliotēka");
        using var rival = await BearerAsync(world, rivalEmail);
        using var nominee = await BearerAsync(world, nomineeEmail);
        using var started = await rival.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations",
            new { categoryId = world.CategoryId, actingLibraryId = rivalId, nomineeLibraryId = nomineeId });
        var id = (await JsonAsync(started, HttpStatusCode.Created)).GetProperty("id").GetInt32();

        using var declined = await nominee.PostAsync($"/api/nominations/{id}/decline", null);
        Assert.Equal("Withdrawn", (await JsonAsync(declined, HttpStatusCode.OK)).GetProperty("status").GetString());
        using var own = await nominee.PostAsJsonAsync($"/api/cycles/{world.CycleId}/nominations", new { categoryId = world.CategoryId, actingLibraryId = nomineeId });
        var draft = await JsonAsync(own, HttpStatusCode.Created);
        Assert.Equal((id, "Draft"), (draft.GetProperty("id").GetInt32(), draft.GetProperty("status").GetString()));

        using var saved = await nominee.PutAsJsonAsync($"/api/nominations/{id}", new
        {
            version = draft.GetProperty("version").GetGuid(), publicSummary = "Līvānu kopsavilkums", achievements = "Līvānu sasniegumi",
        });
        var version = (await JsonAsync(saved, HttpStatusCode.OK)).GetProperty("version").GetGuid();
        using var submitted = await nominee.PostAsJsonAsync($"/api/nominations/{id}/submit", new { version });
        Assert.Equal("Submitted", (await JsonAsync(submitted, HttpStatusCode.OK)).GetProperty("status").GetString());
        using var read = await rival.GetAsync($"/api/nominations/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        var actions = await world.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Nomination" && a.EntityId == id.ToString())
            .Select(a => a.Action).ToListAsync());
        Assert.Contains("nomination.declined-by-nominee", actions);
        Assert.Contains("nomination.restarted", actions);
    }

    /// <summary>A nomination declined before declines cleared the nominator (it still names the rival) is not the rival's to read either.</summary>
    [Theory, AllProviders]
    public async Task A_nomination_declined_earlier_that_still_names_the_rival_is_not_readable_by_it(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (rivalId, rivalEmail) = await world.LibraryAsync("Saldus bibliotēka");
        var (nomineeId, _) = await world.LibraryAsync("Brocēnu bibliotēka");
        var id = (await new NominationBuilder(world.CycleId, world.CategoryId).Of(nomineeId).NominatedBy(rivalId)
            .Status(NominationStatus.Draft).Achievements("Rakstīts pēc atteikuma").CreateAsync(world.App)).Id;
        using var rival = await BearerAsync(world, rivalEmail);

        using var read = await rival.GetAsync($"/api/nominations/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        var list = await rival.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.CycleId}/nominations");
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);
    }
}
