using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>The same rules through /api as on the pages: a script cannot do what the form may not.</summary>
[Collection(AppsCollection.Name)]
public sealed class NominationApiTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_script_saves_and_submits_a_nomination_and_the_administrator_screens_it(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Saldus bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var client = await ClientAsync(world, email, NominationWorld.Password);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}");

        using var saved = await client.PutAsJsonAsync($"/api/nominations/{id}", new
        {
            version = current.GetProperty("version").GetGuid(),
            publicSummary = "No API",
            achievements = "Sasniegumi no skripta",
            partners = new[] { new { name = "Saldus novads", role = "atbalsts" } },
            statistics = new[] { new { kind = 1, value = 5000, unit = "apmeklējumi", year = 2025 } },
            links = new[] { new { url = "https://saldus.example", title = "Mājaslapa" } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var version = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();

        using var submitted = await client.PostAsJsonAsync($"/api/nominations/{id}/submit", new { version });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var admin = await ClientAsync(world, DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        using var decided = await admin.PostAsJsonAsync($"/api/admin/nominations/{id}/eligibility", new { outcome = "Eligible" });
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Equal(EligibilityDecision.Eligible, await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Eligibility).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task The_api_refuses_with_localised_messages_and_changes_nothing(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Brocēnu bibliotēka");
        var (_, otherEmail) = await world.LibraryAsync("Kuldīgas bibliotēka");
        var id = await world.NominationAsync(libraryId, achievements: "Sākotnējais");
        using var client = await ClientAsync(world, email, NominationWorld.Password);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();

        using var tooLong = await client.PutAsJsonAsync($"/api/nominations/{id}", new { version, publicSummary = new string('a', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Publiskajā kopsavilkumā var būt ne vairāk kā 2000 rakstzīmes.", await tooLong.Content.ReadAsStringAsync());

        using var other = await ClientAsync(world, otherEmail, NominationWorld.Password);
        using var foreign = await other.PutAsJsonAsync($"/api/nominations/{id}", new { version, achievements = "Svešs" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);

        await world.CloseNominationsNowAsync();
        using var late = await client.PutAsJsonAsync($"/api/nominations/{id}", new { version, achievements = "Par vēlu" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Pieteikšanās termiņš beidzās", await late.Content.ReadAsStringAsync());

        Assert.Equal("Sākotnējais", await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id).Select(n => n.Achievements).SingleAsync()));
    }

    private static async Task<HttpClient> ClientAsync(NominationWorld world, string email, string password)
    {
        var client = world.App.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
