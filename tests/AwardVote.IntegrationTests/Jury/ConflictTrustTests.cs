using System.Net;
using System.Net.Http.Json;
using AwardVote.Application;
using AwardVote.Application.Jury;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Jury;

/// <summary>
/// Issue 14, item 5: the insider's ways round a conflict of interest. Nobody decides a conflict about themself, and a
/// proposed conflict keeps the juror off the nomination's ballot until it is decided.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ConflictTrustTests(Apps apps)
{
    private const string OwnConflict =
        "Lēmumu par interešu konfliktu, kas attiecas uz jums, nepieņemat jūs: to pieņem administrators (ja esat administrators — cits administrators).";

    private const string AwaitsDecision =
        "Iespējamais interešu konflikts ar šo pieteikumu vēl gaida priekšsēdētāja lēmumu: līdz lēmumam par šo pieteikumu nevar balsot.";

    [Theory, AllProviders]
    public async Task A_chair_cannot_dismiss_a_conflict_about_themself_on_the_page_or_the_api_and_an_administrator_decides_it(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var home = await world.LibraryAsync("Kuldīgas bibliotēka", region: "Kurzeme", municipality: "Kuldīga");
        var nomination = await world.NominationAsync(home);
        var chair = await world.PersonAsync("Priekšsēdētāja Kalna", ScopedRole.Chair, homeLibraryId: home);
        await ProposeAsync(world);
        var conflict = await world.QueryAsync(db => db.Conflicts.SingleAsync(c =>
            c.JurorUserId == chair.Id && c.NominationId == nomination && c.Source == ConflictSource.OwnLibrary));

        using var browser = await world.SignedInAsync(chair);
        using var page = await browser.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>
        {
            ["Decision.ConflictId"] = conflict.Id.ToString(), ["Decision.Confirm"] = "false", ["Decision.Reason"] = "Es esmu objektīva",
        }, $"/Jury/Conflicts?handler=Decide&{world.Panel}");
        var url = $"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{conflict.Id}/decision";
        using var api = await browser.Http.PostAsJsonAsync(url, new { confirm = false, reason = "Es esmu objektīva" });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains(OwnConflict, Parity.FormErrors(await page.Content.ReadAsStringAsync()));
        Assert.Equal([OwnConflict], await Parity.ProblemMessagesAsync(api));
        Assert.Equal(nameof(RefusalCode.OwnConflict), await Parity.ProblemCodeAsync(api));
        Assert.Equal(ConflictStatus.Proposed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id))).Status);

        using var admin = await world.SignedInAdministratorAsync();
        using (var decided = await admin.Http.PostAsJsonAsync(url, new { confirm = true }))
            Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Equal(ConflictStatus.Confirmed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id))).Status);
    }

    [Theory, AllProviders]
    public async Task An_administrator_on_the_jury_cannot_decide_their_own_conflict_and_another_administrator_can(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var home = await world.LibraryAsync("Talsu bibliotēka", region: "Kurzeme", municipality: "Talsi");
        var nomination = await world.NominationAsync(home);
        var person = new PersonBuilder("Administratore Žūrijā").WorksAt(home).Juror(world.CycleId, world.CategoryId).Administrator();
        var adminJuror = await person.CreateAsync(world.App);
        await ProposeAsync(world);
        var conflict = await world.QueryAsync(db => db.Conflicts.SingleAsync(c =>
            c.JurorUserId == adminJuror.Id && c.NominationId == nomination && c.Source == ConflictSource.OwnLibrary));

        var own = await world.App.InScopeAsync(services => services.GetRequiredService<DecideConflict>().RunAsync(world.CycleId, world.CategoryId,
            conflict.Id, new DecideConflictInput { Confirm = false, Reason = "Nav konflikta" }, adminJuror.Id, CancellationToken.None));

        Assert.Equal(RefusalCode.OwnConflict, Assert.Single(own.Refusals).Code);
        Assert.Equal(ConflictStatus.Proposed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id))).Status);
        using var other = await world.SignedInAdministratorAsync();
        using (var decided = await other.Http.PostAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{conflict.Id}/decision",
                   new { confirm = false, reason = "Cita filiāle" }))
            Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Equal(ConflictStatus.Dismissed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id))).Status);
    }

    [Theory, AllProviders]
    public async Task A_proposed_conflict_refuses_that_jurors_ballot_on_that_nomination_alike_until_it_is_decided(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var home = await world.LibraryAsync("Saldus bibliotēka", region: "Kurzeme", municipality: "Saldus");
        var nomination = await world.NominationAsync(home);
        var free = await world.NominationAsync(await world.LibraryAsync("Madonas bibliotēka", region: "Vidzeme", municipality: "Madona"));
        var juror = await world.PersonAsync("Ilze Priede", ScopedRole.Juror, homeLibraryId: home);
        await ProposeAsync(world);
        Assert.Equal(ConflictStatus.Proposed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.JurorUserId == juror.Id
            && c.Source == ConflictSource.OwnLibrary))).Status);

        using var browser = await world.SignedInAsync(juror);
        var shown = await browser.GetPageAsync($"/Jury/Nomination?id={nomination}");
        Assert.Contains("data-testid=\"conflict-awaits-decision\"", shown);
        using var page = await browser.SubmitFormAsync($"/Jury/Nomination?id={nomination}", Scores(world, 9000, 9000), $"/Jury/Nomination?id={nomination}");
        using var api = await browser.Http.PutAsJsonAsync("/api/ballots/score", new
        {
            nominationId = nomination,
            scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 9000, [world.CriterionIds[1].ToString()] = 9000 },
        });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains(AwaitsDecision, Parity.FormErrors(await page.Content.ReadAsStringAsync()));
        Assert.Equal([AwaitsDecision], await Parity.ProblemMessagesAsync(api));
        Assert.False(await world.QueryAsync(db => db.ScoreBallots.AnyAsync(b => b.JurorUserId == juror.Id && b.NominationId == nomination)));
        // Only that nomination: the juror's other ballots go on.
        using (var other = await browser.Http.PutAsJsonAsync("/api/ballots/score", new
               {
                   nominationId = free,
                   scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 5, [world.CriterionIds[1].ToString()] = 5 },
               }))
            Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);

        // Every proposal about them (own library and same municipality) is dismissed: then the juror votes.
        using var admin = await world.SignedInAdministratorAsync();
        var proposals = await world.QueryAsync(db => db.Conflicts.Where(c => c.JurorUserId == juror.Id).Select(c => c.Id).ToListAsync());
        Assert.Equal(2, proposals.Count);
        foreach (var id in proposals)
        {
            using (var still = await browser.Http.PutAsJsonAsync("/api/ballots/score", new
                   {
                       nominationId = nomination,
                       scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 7, [world.CriterionIds[1].ToString()] = 7 },
                   }))
                Assert.Equal(HttpStatusCode.Conflict, still.StatusCode);
            using var dismissed = await admin.Http.PostAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{id}/decision",
                new { confirm = false, reason = "Juridiski cita iestāde" });
            Assert.Equal(HttpStatusCode.NoContent, dismissed.StatusCode);
        }
        using (var after = await browser.Http.PutAsJsonAsync("/api/ballots/score", new
               {
                   nominationId = nomination,
                   scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 7, [world.CriterionIds[1].ToString()] = 7 },
               }))
            Assert.Equal(HttpStatusCode.NoContent, after.StatusCode);
    }

    private static Dictionary<string, string> Scores(JuryWorld world, int first, int second) => new()
    {
        [$"Input.Scores[{world.CriterionIds[0]}]"] = first.ToString(),
        [$"Input.Scores[{world.CriterionIds[1]}]"] = second.ToString(),
    };

    private static async Task<int> ProposeAsync(JuryWorld world)
    {
        await using var scope = world.App.Scope();
        return (await scope.ServiceProvider.GetRequiredService<ProposeConflicts>().RunAsync(world.CycleId, world.CategoryId, CancellationToken.None)).Value;
    }
}
