using System.Net;
using System.Net.Http.Json;
using AwardVote.Application;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Jury;

/// <summary>
/// Issue 14, item 5: the chair records a conflict the system cannot know and reopens a decided one; both are audited
/// and the juror is told by mail, and a reopened conflict keeps the juror off the nomination until decided again.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ConflictByHandTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_chair_records_a_conflict_and_reopens_it_both_audited_and_the_juror_mailed_and_kept_off_the_ballot(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Ventspils bibliotēka", region: "Kurzeme", municipality: "Ventspils"));
        var juror = await world.PersonAsync("Roberts Vītols", ScopedRole.Juror);
        var chair = await world.PersonAsync("Priekšsēdētājs Ozols", ScopedRole.Chair);
        using var chairBrowser = await world.SignedInAsync(chair);

        using (var added = await chairBrowser.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>
               {
                   ["NewConflict.JurorUserId"] = juror.Id, ["NewConflict.NominationId"] = nomination.ToString(),
                   ["NewConflict.Reason"] = "Brālis vada šo bibliotēku",
               }, $"/Jury/Conflicts?handler=Add&{world.Panel}"))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var conflict = await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.JurorUserId == juror.Id && c.NominationId == nomination));
        Assert.Equal((ConflictSource.DeclaredRelationship, ConflictStatus.Confirmed, chair.Id), (conflict.Source, conflict.Status, conflict.DecidedByUserId));
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "conflict.added" && a.CycleId == world.CycleId
                                                                                && a.Reason == "Brālis vada šo bibliotēku")));
        var addedMail = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.ToEmail == juror.Email && m.Purpose == "conflict-added"));
        Assert.Contains($"/Jury/Nomination?id={nomination}", addedMail.TextBody);
        Assert.Contains("Brālis vada šo bibliotēku", addedMail.TextBody);
        using var jurorBrowser = await world.SignedInAsync(juror);
        using (var barred = await BallotAsync(jurorBrowser, world, nomination))
            Assert.Equal(nameof(RefusalCode.ConflictedNomination), await Parity.ProblemCodeAsync(barred));

        var url = $"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{conflict.Id}/reopen";
        using (var reopened = await chairBrowser.Http.PostAsJsonAsync(url, new { reason = "Brālis tur vairs nestrādā" }))
            Assert.Equal(HttpStatusCode.NoContent, reopened.StatusCode);

        Assert.Equal(ConflictStatus.Proposed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id))).Status);
        var audit = await world.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "conflict.reopened" && a.EntityId == conflict.Id.ToString()));
        Assert.Equal("Brālis tur vairs nestrādā", audit.Reason);
        Assert.Contains("Confirmed", audit.Before);
        Assert.Contains("Proposed", audit.After);
        Assert.True(await world.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == juror.Email && m.Purpose == "conflict-reopened")));
        using (var waits = await BallotAsync(jurorBrowser, world, nomination))
            Assert.Equal(nameof(RefusalCode.ConflictAwaitsDecision), await Parity.ProblemCodeAsync(waits));
        // Reopening what is not decided is refused; the conflict stays as it is.
        using (var again = await chairBrowser.Http.PostAsJsonAsync(url, new { reason = "Vēlreiz" }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Recording_or_reopening_without_a_reason_or_twice_is_refused_alike_on_the_page_and_the_api(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var nomination = await world.NominationAsync(await world.LibraryAsync("Dobeles bibliotēka", region: "Zemgale", municipality: "Dobele"));
        var juror = await world.PersonAsync("Dace Lapiņa", ScopedRole.Juror);
        using var admin = await world.SignedInAdministratorAsync();
        var api = $"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts";
        var form = new Dictionary<string, string>
        {
            ["NewConflict.JurorUserId"] = juror.Id, ["NewConflict.NominationId"] = nomination.ToString(), ["NewConflict.Reason"] = " ",
        };

        using (var page = await admin.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", form, $"/Jury/Conflicts?handler=Add&{world.Panel}"))
        using (var json = await admin.Http.PostAsJsonAsync(api, new { jurorUserId = juror.Id, nominationId = nomination, reason = " " }))
            await Parity.AssertSameRefusalAsync(page, json, HttpStatusCode.BadRequest, "Aprakstiet, kāds ir konflikts.");
        using (var created = await admin.Http.PostAsJsonAsync(api, new { jurorUserId = juror.Id, nominationId = nomination, reason = "Radinieks" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        form["NewConflict.Reason"] = "Radinieks";
        using (var page = await admin.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", form, $"/Jury/Conflicts?handler=Add&{world.Panel}"))
        using (var json = await admin.Http.PostAsJsonAsync(api, new { jurorUserId = juror.Id, nominationId = nomination, reason = "Radinieks" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, json.StatusCode);
            const string twice = "Šī žūrijas locekļa interešu konflikts ar šo pieteikumu jau ir reģistrēts.";
            Assert.Contains(twice, Parity.FormErrors(await page.Content.ReadAsStringAsync()));
            Assert.Equal([twice], await Parity.ProblemMessagesAsync(json));
        }

        var conflict = await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.JurorUserId == juror.Id));
        using (var page = await admin.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>
               {
                   ["Decision.ConflictId"] = conflict.Id.ToString(), ["Reopening.Reason"] = "",
               }, $"/Jury/Conflicts?handler=Reopen&{world.Panel}"))
        using (var json = await admin.Http.PostAsJsonAsync($"{api}/{conflict.Id}/reopen", new { reason = "" }))
            await Parity.AssertSameRefusalAsync(page, json, HttpStatusCode.BadRequest, "Norādiet, kāpēc lēmums jāpārskata.");
        Assert.Equal(ConflictStatus.Confirmed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id))).Status);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == "conflict.added")));
    }

    private static Task<HttpResponseMessage> BallotAsync(Browserless browser, JuryWorld world, int nomination) =>
        browser.Http.PutAsJsonAsync("/api/ballots/score", new
        {
            nominationId = nomination,
            scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 5, [world.CriterionIds[1].ToString()] = 5 },
        });
}
