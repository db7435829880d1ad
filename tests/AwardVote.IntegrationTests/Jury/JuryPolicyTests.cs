using System.Net;
using System.Net.Http.Json;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Jury;

/// <summary>
/// The jury's policies: the Juror and Chair policies gate the area, and the panel handlers scope every page and
/// endpoint to its own panel, so a seat on one jury opens nothing of another.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class JuryPolicyTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_juror_of_one_panel_reaches_nothing_of_another(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var mine = await JuryWorld.CreateAsync(app);
        var other = await JuryWorld.CreateAsync(app);
        var otherNomination = await other.NominationAsync(await other.LibraryAsync("Svešā bibliotēka"));
        var juror = await mine.PersonAsync("Tikai savā žūrijā", ScopedRole.Juror);
        using var browser = await mine.SignedInAsync(juror);

        foreach (var url in new[]
                 {
                     $"/Jury/Nomination?id={otherNomination}", $"/Jury/Declare?id={otherNomination}", $"/Jury/Ranking?{other.Panel}",
                     $"/Jury/Progress?{other.Panel}", $"/Jury/Conflicts?{other.Panel}",
                 })
        {
            using var page = await browser.Http.GetAsync(url);
            Assert.True(page.Headers.Location?.PathAndQuery.StartsWith("/Account/AccessDenied", StringComparison.Ordinal), $"{url}: {page.StatusCode}");
        }
        using (var desk = await browser.Http.GetAsync($"/api/jury/{other.CycleId}/{other.CategoryId}/nominations"))
            Assert.Equal(HttpStatusCode.Forbidden, desk.StatusCode);
        using (var declare = await browser.Http.PostAsJsonAsync($"/api/jury/nominations/{otherNomination}/conflict", new { reason = "Svešs" }))
            Assert.Equal(HttpStatusCode.Forbidden, declare.StatusCode);
        using (var score = await browser.Http.PutAsJsonAsync("/api/ballots/score", new
               {
                   nominationId = otherNomination,
                   scores = new Dictionary<string, int> { [other.CriterionIds[0].ToString()] = 1 },
               }))
            Assert.Equal(HttpStatusCode.Forbidden, score.StatusCode);
        // Their own panel is open to them.
        using (var own = await browser.Http.GetAsync($"/api/jury/{mine.CycleId}/{mine.CategoryId}/nominations"))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.False(await other.QueryAsync(db => db.ScoreBallots.AnyAsync(b => b.NominationId == otherNomination)));
        Assert.False(await other.QueryAsync(db => db.Conflicts.AnyAsync(c => c.NominationId == otherNomination)));
    }

    [Theory, AllProviders]
    public async Task The_chair_of_one_panel_is_not_the_chair_of_another(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var mine = await JuryWorld.CreateAsync(app);
        var other = await JuryWorld.CreateAsync(app);
        var otherNomination = await other.NominationAsync(await other.LibraryAsync("Citas žūrijas bibliotēka"));
        var otherJuror = await other.PersonAsync("Citas žūrijas loceklis", ScopedRole.Juror);
        await other.ConflictAsync(otherJuror, otherNomination, ConflictSource.SameRegion, ConflictStatus.Proposed);
        var conflictId = await other.QueryAsync(db => db.Conflicts.Where(c => c.NominationId == otherNomination).Select(c => c.Id).SingleAsync());
        var chair = await mine.PersonAsync("Savas žūrijas priekšsēdētāja", ScopedRole.Chair);
        using var browser = await mine.SignedInAsync(chair);

        foreach (var url in new[] { $"/Jury/Progress?{other.Panel}", $"/Jury/Conflicts?{other.Panel}", $"/Jury/Citation?{other.Panel}" })
        {
            using var page = await browser.Http.GetAsync(url);
            Assert.True(page.Headers.Location?.PathAndQuery.StartsWith("/Account/AccessDenied", StringComparison.Ordinal), $"{url}: {page.StatusCode}");
        }
        var api = $"/api/jury/{other.CycleId}/{other.CategoryId}";
        foreach (var request in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => browser.Http.GetAsync($"{api}/progress"),
                     () => browser.Http.GetAsync($"{api}/conflicts"),
                     () => browser.Http.GetAsync($"{api}/ties"),
                     () => browser.Http.PostAsJsonAsync($"{api}/reminders", new { }),
                     () => browser.Http.PostAsync($"{api}/conflicts/propose", null),
                     () => browser.Http.PostAsJsonAsync($"{api}/conflicts/{conflictId}/decision", new { confirm = true }),
                     () => browser.Http.PutAsJsonAsync($"{api}/citation", new { citation = "Nē" }),
                 })
        {
            using var response = await request();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {response.StatusCode}");
        }
        Assert.Equal(ConflictStatus.Proposed, await other.QueryAsync(db => db.Conflicts.Where(c => c.Id == conflictId).Select(c => c.Status).SingleAsync()));

        // Their own panel's board and lists are theirs; an administrator runs every panel.
        using (var own = await browser.Http.GetAsync($"/api/jury/{mine.CycleId}/{mine.CategoryId}/conflicts"))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var admin = await other.SignedInAdministratorAsync();
        using (var board = await admin.Http.GetAsync($"{api}/progress"))
            Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("data-testid=\"jurors\"", await admin.GetPageAsync($"/Jury/Progress?{other.Panel}"));
    }

    [Theory, AllProviders]
    public async Task A_juror_with_a_confirmed_conflict_still_cannot_open_or_score_the_nomination(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Konflikta bibliotēka"));
        var juror = await world.PersonAsync("Ieinteresētā", ScopedRole.Juror);
        await world.ConflictAsync(juror, nomination, ConflictSource.OwnLibrary, ConflictStatus.Confirmed);
        using var browser = await world.SignedInAsync(juror);

        var page = await browser.GetPageAsync($"/Jury/Nomination?id={nomination}");
        Assert.Contains("data-testid=\"conflict-page\"", page);
        Assert.DoesNotContain("Kopsavilkums", page);
        // A proposal the chair confirmed is not the juror's own to withdraw.
        Assert.DoesNotContain("data-testid=\"withdraw-link\"", page);
        using (var read = await browser.Http.GetAsync($"/api/nominations/{nomination}"))
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        using (var score = await browser.Http.PutAsJsonAsync("/api/ballots/score", new
               {
                   nominationId = nomination,
                   scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 1 },
               }))
        {
            Assert.Equal(HttpStatusCode.Conflict, score.StatusCode);
            Assert.Equal("ConflictedNomination", await Parity.ProblemCodeAsync(score));
        }
        using (var withdraw = await browser.Http.DeleteAsync($"/api/jury/nominations/{nomination}/conflict"))
            Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
        var desk = await browser.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/jury/{world.CycleId}/{world.CategoryId}/nominations");
        Assert.True(desk.GetProperty("nominations").EnumerateArray().Single(n => n.GetProperty("nominationId").GetInt32() == nomination)
            .GetProperty("conflicted").GetBoolean());
    }

    [Theory, AllProviders]
    public async Task Someone_on_no_jury_is_kept_out_of_the_jury_area(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var reader = await world.PersonAsync("Lasītāja bez žūrijas");
        using var browser = await world.SignedInAsync(reader);

        using (var desk = await browser.Http.GetAsync("/Jury"))
            Assert.StartsWith("/Account/AccessDenied", desk.Headers.Location!.PathAndQuery);
        using (var ballots = await browser.Http.GetAsync($"/api/ballots/mine?cycleId={world.CycleId}"))
            Assert.Equal(HttpStatusCode.Forbidden, ballots.StatusCode);
        using (var conflicts = await browser.Http.GetAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts"))
            Assert.Equal(HttpStatusCode.Forbidden, conflicts.StatusCode);
    }
}
