using System.Net;
using System.Net.Http.Json;
using AwardVote.Application.Jury;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Jury;

[Collection(AppsCollection.Name)]
public sealed class ConflictTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Proposals_are_made_for_own_represented_and_same_municipality_libraries_and_generic_words_never_match(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var home = await world.LibraryAsync("Rēzeknes Centrālā bibliotēka", municipality: "Rēzekne");
        var neighbour = await world.LibraryAsync("Rēzeknes skolas bibliotēka", municipality: " rēzekne ");
        var represented = await world.LibraryAsync("Valkas bibliotēka", region: "Vidzeme", municipality: "Valka");
        var elsewhere = await world.LibraryAsync("Liepājas bibliotēka", region: "Kurzeme", municipality: "Liepāja");
        var genericHome = await world.LibraryAsync("Pirmā bibliotēka", municipality: "bibliotēka");
        var genericNominee = await world.LibraryAsync("Otrā bibliotēka", municipality: "Bibliotēka");
        var homeNomination = await world.NominationAsync(home);
        var neighbourNomination = await world.NominationAsync(neighbour);
        var representedNomination = await world.NominationAsync(represented);
        var elsewhereNomination = await world.NominationAsync(elsewhere);
        var genericNomination = await world.NominationAsync(genericNominee);
        var ineligible = await world.NominationAsync(await world.LibraryAsync("Nederīgā", municipality: "Rēzekne"), eligible: false);
        var juror = await world.PersonAsync("Inese Kalniņa", ScopedRole.Juror, homeLibraryId: home, representsLibraryId: represented);
        var genericJuror = await world.PersonAsync("Jānis Bērziņš", ScopedRole.Juror, homeLibraryId: genericHome);

        var added = await ProposeAsync(world);
        var again = await ProposeAsync(world);

        Assert.Equal(0, again);
        var conflicts = await world.QueryAsync(db => db.Conflicts.Where(c => c.CycleId == world.CycleId).ToListAsync());
        Assert.Equal(added, conflicts.Count);
        Assert.All(conflicts, c => Assert.Equal(ConflictStatus.Proposed, c.Status));
        Assert.Contains(conflicts, c => c.JurorUserId == juror.Id && c.NominationId == homeNomination && c.Source == ConflictSource.OwnLibrary);
        Assert.Contains(conflicts, c => c.JurorUserId == juror.Id && c.NominationId == homeNomination && c.Source == ConflictSource.SameMunicipality);
        Assert.Contains(conflicts, c => c.JurorUserId == juror.Id && c.NominationId == neighbourNomination && c.Source == ConflictSource.SameMunicipality);
        Assert.Contains(conflicts, c => c.JurorUserId == juror.Id && c.NominationId == representedNomination && c.Source == ConflictSource.RepresentedLibrary);
        Assert.DoesNotContain(conflicts, c => c.NominationId == elsewhereNomination || c.NominationId == ineligible);
        // "bibliotēka" is no place: the juror at "Pirmā bibliotēka" gets no proposal for "Otrā bibliotēka", nor anyone else.
        Assert.DoesNotContain(conflicts, c => c.JurorUserId == genericJuror.Id || c.NominationId == genericNomination);
        // The region is not a conflict unless the statute says so.
        Assert.DoesNotContain(conflicts, c => c.Source == ConflictSource.SameRegion);
    }

    [Theory, AllProviders]
    public async Task The_chair_confirms_and_dismisses_with_a_reason_and_both_are_audited(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var library = await world.LibraryAsync("Cēsu bibliotēka", region: "Vidzeme", municipality: "Cēsis");
        var other = await world.LibraryAsync("Cēsu skolas bibliotēka", region: "Vidzeme", municipality: "Cēsis");
        var first = await world.NominationAsync(library);
        var second = await world.NominationAsync(other);
        var juror = await world.PersonAsync("Anna Liepa", ScopedRole.Juror, homeLibraryId: library);
        var chair = await world.PersonAsync("Priekšsēdētāja Ozola", ScopedRole.Chair);
        using var browser = await world.SignedInAsync(chair);
        using (var propose = await browser.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>(),
                   $"/Jury/Conflicts?handler=Propose&{world.Panel}"))
            Assert.Equal(HttpStatusCode.Redirect, propose.StatusCode);
        var own = await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.JurorUserId == juror.Id && c.NominationId == first && c.Source == ConflictSource.OwnLibrary));
        var place = await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.JurorUserId == juror.Id && c.NominationId == second));
        var page = await browser.GetPageAsync($"/Jury/Conflicts?{world.Panel}");
        Assert.Contains($"data-testid=\"conflict-{own.Id}\"", page);

        using (var noReason = await DecideAsync(browser, world, place.Id, confirm: false, reason: " "))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("Norādiet, kāpēc priekšlikums tiek noraidīts.", await noReason.Content.ReadAsStringAsync());
        }
        Assert.Equal(ConflictStatus.Proposed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == place.Id))).Status);

        using (var confirmed = await DecideAsync(browser, world, own.Id, confirm: true, reason: ""))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        using (var dismissed = await DecideAsync(browser, world, place.Id, confirm: false, reason: "Cita iestāde tajā pašā pilsētā"))
            Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);

        var decided = await world.QueryAsync(db => db.Conflicts.Where(c => c.Id == own.Id || c.Id == place.Id).ToListAsync());
        Assert.Equal(ConflictStatus.Confirmed, decided.Single(c => c.Id == own.Id).Status);
        var dismissal = decided.Single(c => c.Id == place.Id);
        Assert.Equal((ConflictStatus.Dismissed, "Cita iestāde tajā pašā pilsētā", chair.Id), (dismissal.Status, dismissal.DecisionReason, dismissal.DecidedByUserId));
        var audit = await world.QueryAsync(db => db.AuditEntries.Where(a => a.CycleId == world.CycleId && a.EntityType == "ConflictOfInterest").ToListAsync());
        var confirmAudit = Assert.Single(audit, a => a.Action == "conflict.confirmed" && a.EntityId == own.Id.ToString());
        Assert.Contains("Proposed", confirmAudit.Before);
        Assert.Contains("Confirmed", confirmAudit.After);
        var dismissAudit = Assert.Single(audit, a => a.Action == "conflict.dismissed" && a.EntityId == place.Id.ToString());
        Assert.Equal("Cita iestāde tajā pašā pilsētā", dismissAudit.Reason);
        Assert.Contains("Dismissed", dismissAudit.After);
    }

    [Theory, AllProviders]
    public async Task A_juror_or_a_representative_cannot_decide_or_propose_on_the_page_or_the_api(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var library = await world.LibraryAsync("Ogres bibliotēka", region: "Vidzeme", municipality: "Ogre");
        var nomination = await world.NominationAsync(library);
        var juror = await world.PersonAsync("Pēteris Kļava", ScopedRole.Juror, homeLibraryId: library);
        var representative = await world.PersonAsync("Pārstāve Ogre", representsLibraryId: library);
        await ProposeAsync(world);
        var conflict = await world.QueryAsync(db => db.Conflicts.FirstAsync(c => c.NominationId == nomination));

        foreach (var person in new[] { juror, representative })
        {
            using var browser = await world.SignedInAsync(person);
            using (var get = await browser.Http.GetAsync($"/Jury/Conflicts?{world.Panel}"))
                Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.PathAndQuery);
            var form = new Dictionary<string, string>
            {
                ["Decision.ConflictId"] = conflict.Id.ToString(), ["Decision.Confirm"] = "false", ["Decision.Reason"] = "Nav konflikta",
            };
            using (var post = await browser.SubmitFormAsync("/Libraries", form, $"/Jury/Conflicts?handler=Decide&{world.Panel}"))
                Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
            using (var api = await browser.Http.PostAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{conflict.Id}/decision",
                       new { confirm = false, reason = "Nav konflikta" }))
                Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }

        var after = await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id));
        Assert.Equal(ConflictStatus.Proposed, after.Status);
        Assert.False(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ConflictOfInterest" && a.EntityId == conflict.Id.ToString())));
    }

    [Theory, AllProviders]
    public async Task An_administrator_decides_through_the_api_and_a_dismissal_without_reason_is_refused(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var library = await world.LibraryAsync("Jelgavas bibliotēka", region: "Zemgale", municipality: "Jelgava");
        var nomination = await world.NominationAsync(library);
        await world.PersonAsync("Laura Egle", ScopedRole.Juror, homeLibraryId: library);
        await ProposeAsync(world);
        var conflict = await world.QueryAsync(db => db.Conflicts.FirstAsync(c => c.NominationId == nomination && c.Source == ConflictSource.OwnLibrary));
        using var admin = await world.SignedInAdministratorAsync();
        var url = $"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts/{conflict.Id}/decision";

        using (var refused = await admin.Http.PostAsJsonAsync(url, new { confirm = false, reason = "" }))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (var accepted = await admin.Http.PostAsJsonAsync(url, new { confirm = true, reason = (string?)null }))
            Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        using (var twice = await admin.Http.PostAsJsonAsync(url, new { confirm = false, reason = "Pārdomāju" }))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        Assert.Equal(ConflictStatus.Confirmed, (await world.QueryAsync(db => db.Conflicts.SingleAsync(c => c.Id == conflict.Id))).Status);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "conflict.confirmed" && a.EntityId == conflict.Id.ToString())));
    }

    private static async Task<int> ProposeAsync(JuryWorld world)
    {
        await using var scope = world.App.Scope();
        return (await scope.ServiceProvider.GetRequiredService<ProposeConflicts>().RunAsync(world.CycleId, world.CategoryId, CancellationToken.None)).Value;
    }

    private static Task<HttpResponseMessage> DecideAsync(Browserless browser, JuryWorld world, int conflictId, bool confirm, string reason) =>
        browser.SubmitFormAsync($"/Jury/Conflicts?{world.Panel}", new Dictionary<string, string>
        {
            ["Decision.ConflictId"] = conflictId.ToString(),
            ["Decision.Confirm"] = confirm ? "true" : "false",
            ["Decision.Reason"] = reason,
        }, $"/Jury/Conflicts?handler=Decide&{world.Panel}");
}
