using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Application.Counting;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Api;

/// <summary>
/// A whole award year run by an outside client through the JSON API alone: every id comes from an earlier answer or
/// from a mailed link, never from the database. Only the clock's work is done by calling the job its schedule runs
/// (the count), as the server would on its own.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class AwardYearApiTests(Apps apps)
{
    private const string Password = PersonBuilder.Password;

    [Theory, AllProviders]
    public async Task An_outside_client_runs_a_whole_award_year_through_the_api_alone(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        var year = 2030 + Random.Shared.Next(0, 60);
        var slug = $"api-gads-{Guid.NewGuid():N}"[..24];

        // ---- The association opens a cycle with a statute of one category, one criterion, a score round that leaves
        // a shortlist of two and a ranked final.
        using (var created = await admin.PostAsJsonAsync("/api/admin/cycles/", new { title = "Gada bibliotēka (API)", titleEn = "Library of the Year (API)", year, slug }))
            await ExpectAsync(created, HttpStatusCode.Created);
        var cycle = await admin.GetFromJsonAsync<JsonElement>($"/api/cycles/{slug}");
        var cycleId = cycle.GetProperty("id").GetInt32();
        using (var statute = await admin.PutAsJsonAsync($"/api/admin/cycles/{cycleId}/statute", new
        {
            version = cycle.GetProperty("statute").GetProperty("version").GetGuid(),
            title = "Gada bibliotēka (API)", secrecy = "HiddenUntilRoundCloses", nomineesPublicAfterNominationsClose = true,
            feedbackToNominees = true, reminderDaysBeforeClose = "1",
            winRule = new { minimumFirstPlaces = (int?)null, minimumLead = (decimal?)null },
            peoplesChoice = new { enabled = false, eligibility = "AnyConfirmedEmail", allowance = "OnePerCategory", liveCount = false },
            categories = new[] { new { id = 0, name = "Gada bibliotēka" } },
            criteria = new[] { new { id = 0, name = "Ieguldījums kopienā", weight = 1m, scaleMin = 1, scaleMax = 5, isOptional = false,
                labels = Enumerable.Range(1, 5).Select(v => new { value = v, label = $"{v}. līmenis", labelEn = (string?)null }).ToArray() } },
            rounds = new[]
            {
                new { kind = "Score", method = "WeightedMean", shortlistSize = (int?)2, allowEqualRanks = false },
                new { kind = "Ranked", method = "Schulze", shortlistSize = (int?)null, allowEqualRanks = false },
            },
            tieBreakChain = new[] { new { rule = "ChairCastingVote", criterion = (int?)null } },
            eligibilityRules = new[] { new { text = "Biedrības biedrs", textEn = "A member of the association" } },
        }))
            await ExpectAsync(statute, HttpStatusCode.OK);
        cycle = await admin.GetFromJsonAsync<JsonElement>($"/api/cycles/{slug}");
        var categoryId = cycle.GetProperty("statute").GetProperty("categories")[0].GetProperty("id").GetInt32();
        var criterionId = cycle.GetProperty("statute").GetProperty("criteria")[0].GetProperty("id").GetInt32();
        await MoveAsync(admin, cycleId, "NominationsOpen");

        // ---- Two librarians make accounts, confirm them from the mailed link, register their libraries; both approved.
        var names = new[] { "Alsungas bibliotēka", "Dobeles bibliotēka" };
        var librarians = new List<HttpClient>();
        var nominations = new List<int>();
        foreach (var name in names)
        {
            var librarian = await AccountAsync(app, "Bibliotekāre");
            librarians.Add(librarian);
            using var registered = await librarian.PostAsJsonAsync("/api/libraries/", new
            {
                name, region = "Kurzeme", type = "Public", registrationNumber = Unique.RegistrationNumber("LV"),
            });
            await ExpectAsync(registered, HttpStatusCode.Created);
            var libraryId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            using (var approved = await admin.PostAsJsonAsync($"/api/admin/libraries/{libraryId}/approve", new { }))
                Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());

            // ---- Each nominates itself, writes the nomination and submits it.
            using var started = await librarian.PostAsJsonAsync($"/api/cycles/{cycleId}/nominations/", new { categoryId, actingLibraryId = libraryId });
            await ExpectAsync(started, HttpStatusCode.Created);
            var draft = await started.Content.ReadFromJsonAsync<JsonElement>();
            var id = draft.GetProperty("id").GetInt32();
            using var saved = await librarian.PutAsJsonAsync($"/api/nominations/{id}", new
            {
                version = draft.GetProperty("version").GetGuid(), publicSummary = $"{name}: bibliotēka visam novadam",
                achievements = "Atvērām jaunu lasītavu un bērnu stūrīti.",
                partners = Array.Empty<object>(), statistics = Array.Empty<object>(), links = Array.Empty<object>(),
            });
            await ExpectAsync(saved, HttpStatusCode.OK);
            var version = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
            if (nominations.Count == 0)
                await LetterOfSupportAsync(app, librarian, id);
            using (var submitted = await librarian.PostAsJsonAsync($"/api/nominations/{id}/submit", new { version }))
                Assert.Equal("Submitted", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            nominations.Add(id);
        }

        // ---- Nominations close; the administrator finds both in the cycle's list and screens them eligible.
        await MoveAsync(admin, cycleId, "EligibilityReview");
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycleId}/nominations/");
        Assert.Equal(nominations.Order(), listed.EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).Order());
        foreach (var id in nominations)
            using (var screened = await admin.PostAsJsonAsync($"/api/admin/nominations/{id}/eligibility", new { outcome = "Eligible" }))
                Assert.True(screened.IsSuccessStatusCode, await screened.Content.ReadAsStringAsync());

        // ---- A chair and a juror are invited by mail; each makes an account and accepts with the link's token.
        var jury = new List<HttpClient>();
        foreach (var asChair in new[] { true, false })
        {
            var email = Unique.Email("zurija");
            using (var invited = await admin.PostAsJsonAsync($"/api/admin/cycles/{cycleId}/categories/{categoryId}/jury/invitations",
                       new { name = asChair ? "Anna Priekšsēdētāja" : "Jānis Vērtētājs", email, asChair, confirmReservedDomain = true }))
                await ExpectAsync(invited, HttpStatusCode.Created);
            var token = QueryValue(await MailedLinkAsync(app, email, "/Invitations/Accept"), "token");
            var member = await AccountAsync(app, asChair ? "Anna Priekšsēdētāja" : "Jānis Vērtētājs", email);
            using (var accepted = await member.PostAsJsonAsync("/api/invitations/accept", new { token }))
                await ExpectAsync(accepted, HttpStatusCode.OK);
            jury.Add(member);
        }
        var panel = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/cycles/{cycleId}/categories/{categoryId}/jury/");
        Assert.Equal(2, panel.GetProperty("members").GetArrayLength());

        // ---- Judging, round 1: the juror declares a conflict with Dobele, which the chair then finds in the panel's
        // conflicts; both score what they judge from their desks (the juror no longer sees Dobele's ballot open).
        await MoveAsync(admin, cycleId, "Judging");
        using (var declared = await jury[1].PostAsJsonAsync($"/api/jury/nominations/{nominations[1]}/conflict", new { reason = "Mana māsa tur strādā." }))
            await ExpectAsync(declared, HttpStatusCode.Created);
        var conflicts = await jury[0].GetFromJsonAsync<JsonElement>($"/api/jury/{cycleId}/{categoryId}/conflicts");
        Assert.Equal(nominations[1], Assert.Single(conflicts.EnumerateArray()).GetProperty("nominationId").GetInt32());
        foreach (var member in jury)
        {
            var desk = await member.GetFromJsonAsync<JsonElement>($"/api/jury/{cycleId}/{categoryId}/nominations");
            Assert.True(desk.GetProperty("open").GetBoolean());
            foreach (var row in desk.GetProperty("nominations").EnumerateArray().Where(r => !r.GetProperty("conflicted").GetBoolean()))
            {
                var id = row.GetProperty("nominationId").GetInt32();
                var score = id == nominations[0] ? 5 : 3;
                using var cast = await member.PutAsJsonAsync("/api/ballots/score", new
                {
                    nominationId = id, scores = new Dictionary<string, int> { [$"{criterionId}"] = score }, abstained = false,
                });
                Assert.True(cast.IsSuccessStatusCode, await cast.Content.ReadAsStringAsync());
            }
        }

        // ---- Round 1 closes and is counted (the job the server runs every minute): both are on the shortlist.
        await MoveAsync(admin, cycleId, "Shortlist");
        await CountAsync(app);
        var first = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/cycles/{cycleId}/rounds/"))[0];
        Assert.True(first.GetProperty("counted").GetBoolean());
        Assert.Equal(names.Order(), first.GetProperty("categories")[0].GetProperty("shortlist").EnumerateArray().Select(n => n.GetString()).Order());

        // ---- The ranked final: the chair ranks both, the juror only Alsunga (a recusal from Dobele).
        await MoveAsync(admin, cycleId, "Judging");
        foreach (var (member, ranks) in new[]
                 {
                     (jury[0], new Dictionary<string, int> { [$"{nominations[0]}"] = 1, [$"{nominations[1]}"] = 2 }),
                     (jury[1], new Dictionary<string, int> { [$"{nominations[0]}"] = 1 }),
                 })
            using (var ranked = await member.PutAsJsonAsync("/api/ballots/ranked", new { cycleId, categoryId, ranks }))
                Assert.True(ranked.IsSuccessStatusCode, await ranked.Content.ReadAsStringAsync());
        await MoveAsync(admin, cycleId, "Counting");
        await CountAsync(app);
        Assert.Equal("ResultsReview", (await admin.GetFromJsonAsync<JsonElement>($"/api/cycles/{slug}")).GetProperty("phase").GetString());

        // ---- The administrator downloads each counted round's ballot file and protocol, found in the list of rounds.
        var rounds = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/cycles/{cycleId}/rounds/");
        Assert.Equal([true, true], rounds.EnumerateArray().Select(r => r.GetProperty("counted").GetBoolean()));
        Assert.Equal(names[0], rounds[1].GetProperty("categories")[0].GetProperty("winner").GetString());
        foreach (var counted in rounds.EnumerateArray().Select(r => r.GetProperty("categories")[0]))
        {
            using (var ballots = await admin.GetAsync(counted.GetProperty("ballotsUrl").GetString()))
                await ExpectAsync(ballots, HttpStatusCode.OK);
            using (var protocol = await admin.GetAsync(counted.GetProperty("protocolUrl").GetString()))
                await ExpectAsync(protocol, HttpStatusCode.OK);
        }

        // ---- The chair writes the citation; the administrator approves it at the version read and publishes now.
        using (var citation = await jury[0].PutAsJsonAsync($"/api/jury/{cycleId}/{categoryId}/citation",
                   new { citation = "Par drosmi atvērt bibliotēku ikvienam novada lasītājam.", citationEn = "For opening the library to every reader." }))
            await ExpectAsync(citation, HttpStatusCode.OK);
        var state = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/cycles/{cycleId}/publication");
        var category = state.GetProperty("categories")[0];
        Assert.Equal(names[0], category.GetProperty("laureateName").GetString());
        var pending = category.GetProperty("pending");
        using (var approved = await admin.PostAsJsonAsync($"/api/admin/publications/{pending.GetProperty("id").GetInt32()}/approve",
                   new { version = pending.GetProperty("version").GetGuid() }))
            await ExpectAsync(approved, HttpStatusCode.OK);
        using (var published = await admin.PostAsJsonAsync($"/api/admin/cycles/{cycleId}/publish", new { at = (DateTimeOffset?)null, confirm = true }))
            await ExpectAsync(published, HttpStatusCode.OK);

        // ---- Anyone reads the laureate and finds it in the archive.
        using var stranger = app.CreateClient();
        var results = await stranger.GetFromJsonAsync<JsonElement>($"/api/cycles/{slug}/results");
        var announcement = results.GetProperty("announcements")[0];
        Assert.Equal(names[0], announcement.GetProperty("laureate").GetProperty("libraryName").GetString());
        var laureates = await stranger.GetFromJsonAsync<JsonElement>("/api/laureates");
        Assert.Contains(laureates.EnumerateArray(), l => l.GetProperty("cycleSlug").GetString() == slug && l.GetProperty("libraryName").GetString() == names[0]);
        foreach (var client in librarians.Concat(jury))
            client.Dispose();
    }

    private static async Task CountAsync(AwardVoteApp app)
    {
        // The job counts every cycle waiting for it (other tests' too, in the shared app): what it did for this one,
        // the list of counted rounds says.
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// The library asks for a letter of support; the endorser, with no account, opens the mailed link's token and
    /// writes the letter; the library then finds it received.
    /// </summary>
    private static async Task LetterOfSupportAsync(AwardVoteApp app, HttpClient librarian, int nominationId)
    {
        var endorser = Unique.Email("dome");
        using (var asked = await librarian.PostAsJsonAsync($"/api/nominations/{nominationId}/endorsements/",
                   new { name = "Andris Rāviņš", email = endorser, organisation = "Novada dome", culture = "lv" }))
            await ExpectAsync(asked, HttpStatusCode.Created);
        var token = QueryValue(await MailedLinkAsync(app, endorser, "/Endorse"), "token");
        using var anonymous = app.CreateClient();
        var link = await anonymous.GetFromJsonAsync<JsonElement>($"/api/endorsements/{token}");
        Assert.Equal(nominationId, link.GetProperty("nominationId").GetInt32());
        using (var written = await anonymous.PostAsync("/api/endorsements/letter", new MultipartFormDataContent
               {
                   { new StringContent(Uri.UnescapeDataString(token)), "token" },
                   { new StringContent("Novada dome atbalsta bibliotēkas pieteikumu."), "letter" },
                   { new StringContent("false"), "wantsResults" },
               }))
            await ExpectAsync(written, HttpStatusCode.OK);
        var letters = await librarian.GetFromJsonAsync<JsonElement>($"/api/nominations/{nominationId}/endorsements/");
        Assert.Equal("Received", Assert.Single(letters.EnumerateArray()).GetProperty("status").GetString());
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status) =>
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: "
            + $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    /// <summary>One step forward by hand, with the reason the audit log keeps; the cycle then stands in <paramref name="expected"/>.</summary>
    private static async Task MoveAsync(HttpClient admin, int cycleId, string expected)
    {
        var cycle = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/cycles/{cycleId}");
        using var moved = await admin.PostAsJsonAsync($"/api/admin/cycles/{cycleId}/phase", new
        {
            version = cycle.GetProperty("cycle").GetProperty("statute").GetProperty("version").GetGuid(), direction = "next", reason = "Gada grafiks (API)",
        });
        var body = await moved.Content.ReadAsStringAsync();
        Assert.True(moved.IsSuccessStatusCode, body);
        Assert.Equal(expected, JsonDocument.Parse(body).RootElement.GetProperty("phase").GetString());
    }

    /// <summary>An account made through the API, confirmed with the mailed link's values, signed in with a bearer token.</summary>
    private static async Task<HttpClient> AccountAsync(AwardVoteApp app, string name, string? email = null)
    {
        email ??= Unique.Email("api");
        using var anonymous = app.CreateClient();
        using (var registered = await anonymous.PostAsJsonAsync("/api/auth/register", new
               {
                   displayName = name, email, password = Password, confirmPassword = Password, preferredCulture = "lv",
               }))
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var link = await MailedLinkAsync(app, email, "/Account/ConfirmEmail");
        using (var confirmed = await anonymous.GetAsync(
                   $"/api/auth/confirmEmail?userId={QueryValue(link, "userId")}&code={QueryValue(link, "code")}"))
            await ExpectAsync(confirmed, HttpStatusCode.OK);
        return await app.BearerClientAsync(email, Password);
    }

    private static async Task<Uri> MailedLinkAsync(AwardVoteApp app, string email, string path) =>
        (await MailedLinks.FindAsync(app, email, path))[0];

    /// <summary>A value of the link's query, still escaped as it travels in a URL.</summary>
    private static string QueryValue(Uri link, string name) =>
        link.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1];
}
