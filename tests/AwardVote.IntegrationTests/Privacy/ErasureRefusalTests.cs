using System.Net;
using System.Net.Http.Json;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Privacy;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// Erasure is refused while the award still needs the account, with the same Latvian words on the account page, in the
/// API and on the administrator's page (one use case): an administrator cannot take a juror out mid-count either.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ErasureRefusalTests(Apps apps)
{
    private const string JurorRefusal = "Kontu vēl nevar dzēst: tas pieder balvas cikla “";

    [Theory, AllProviders]
    public async Task A_juror_of_an_open_round_or_of_one_closed_but_not_counted_is_not_erased_by_anyone(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var world = await JudgingWorld.CreateAsync(app);
        var juror = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == world.JurorA));
        var person = new TestPerson(juror.Id, juror.Email!, juror.DisplayName);

        await AssertSelfRefusedAsync(app, person, HttpStatusCode.Conflict, JurorRefusal);
        await AssertAdminRefusedAsync(app, person.Email, HttpStatusCode.Conflict, JurorRefusal);

        // The round has closed, the count has not run yet: still refused.
        await app.ExecuteAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting)));
        await AssertSelfRefusedAsync(app, person, HttpStatusCode.Conflict, JurorRefusal);
        await AssertAdminRefusedAsync(app, person.Email, HttpStatusCode.Conflict, JurorRefusal);
        // Taken off the panel, a juror with ballots in the round is still refused.
        await app.ExecuteAsync(async db =>
        {
            db.ScoreBallots.Add(new Domain.Judging.ScoreBallot { RoundId = world.RoundId, NominationId = world.NominationIds[0], JurorUserId = person.Id, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            await db.RoleGrants.Where(g => g.UserId == person.Id).ExecuteDeleteAsync();
        });
        await AssertAdminRefusedAsync(app, person.Email, HttpStatusCode.Conflict, JurorRefusal);
        Assert.True(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));
    }

    [Theory, AllProviders]
    public async Task The_only_representative_of_a_library_with_a_nomination_in_progress_is_not_erased(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().InPhase(CyclePhase.NominationsOpen).WithCategory("Gada bibliotēka").WithCriterion("Pakalpojumi")
            .WithScoreRound().Timeline(open: -1, review: 10, judging: 20, counting: 30).CreateAsync(app);
        var library = await new LibraryBuilder($"Zvejniekciema {Unique.Id()[..6]} bibliotēka").CreateAsync(app);
        await new NominationBuilder(cycle).Of(library.Id).CreateAsync(app);
        var person = await new PersonBuilder("Laima Pārstāve").Representative(library.Id).CreateAsync(app);
        var genitive = library.Name.Replace(" bibliotēka", " bibliotēkas", StringComparison.Ordinal);

        await AssertSelfRefusedAsync(app, person, HttpStatusCode.Conflict, $"Kontu vēl nevar dzēst: tas ir vienīgais {genitive} pārstāvis");
        await AssertAdminRefusedAsync(app, person.Email, HttpStatusCode.Conflict, $"Kontu vēl nevar dzēst: tas ir vienīgais {genitive} pārstāvis");

        // With a second representative the library is looked after, and the account goes.
        await new PersonBuilder("Otra Pārstāve").Representative(library.Id).CreateAsync(app);
        using var client = await app.BearerClientAsync(person.Email);
        using var erased = await client.SendAsync(ErasureTests.Delete(new { password = PersonBuilder.Password, confirmation = person.Email }));
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));
    }

    [Theory, AllProviders]
    public async Task The_last_administrator_is_not_erased_and_an_administrator_does_not_erase_another(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder("Anna Administratore").Administrator().CreateAsync(app);
        // An administrator does not erase an administrator (nor themself) on request: the holder does, or the role goes first.
        await AssertAdminRefusedAsync(app, person.Email, HttpStatusCode.Conflict,
            "Administratora kontu šeit nedzēš: to dzēš pats konta īpašnieks savā konta lapā");
        await AssertAdminRefusedAsync(app, DemoSeeder.AdministratorEmail, HttpStatusCode.Conflict,
            "Administratora kontu šeit nedzēš: to dzēš pats konta īpašnieks savā konta lapā");

        // The only administrator left cannot delete their account: every other grant is set aside for this test.
        var others = await app.QueryAsync(db => db.RoleGrants.Where(g => g.Role == ScopedRole.Administrator && g.UserId != person.Id)
            .Select(g => g.UserId).ToListAsync());
        await app.ExecuteAsync(db => db.RoleGrants.Where(g => g.Role == ScopedRole.Administrator && g.UserId != person.Id).ExecuteDeleteAsync());
        try
        {
            await AssertSelfRefusedAsync(app, person, HttpStatusCode.Conflict,
                "Kontu nevar dzēst: tas ir biedrības vienīgais administrators.");
        }
        finally
        {
            await app.ExecuteAsync(db =>
            {
                db.RoleGrants.AddRange(others.Select(id => RoleGrant.Administrator(id, DateTimeOffset.UtcNow, null)));
                return db.SaveChangesAsync();
            });
        }
        // With another administrator, the holder deletes their own account.
        using var client = await app.BearerClientAsync(person.Email);
        using var erased = await client.SendAsync(ErasureTests.Delete(new { password = PersonBuilder.Password, confirmation = person.Email }));
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
    }

    [Theory, AllProviders]
    public async Task An_administrator_erases_on_request_audited_with_the_reason_and_twice_is_told_there_is_no_such_account(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder("Pēteris Lūdzējs").CreateAsync(app);
        var reason = $"Vēstule no {person.Email} 2027. gada 6. janvārī, paraksts pārbaudīts";

        using var browser = await app.SignedInAdministratorAsync();
        using (var unconfirmed = await browser.SubmitFormAsync("/Admin/People/Erase",
                   new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Reason"] = reason }))
            Assert.Contains("Apstipriniet, ka persona lūdza dzēšanu", Parity.FormErrors(await unconfirmed.Content.ReadAsStringAsync())[0]);
        using (var page = await browser.SubmitFormAsync("/Admin/People/Erase",
                   new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Reason"] = reason, ["Input.Confirmed"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Konts ir dzēsts. Audita žurnālā persona tagad ir p-", await page.Content.ReadAsStringAsync());
        }

        var pseudonym = app.Services.GetRequiredService<Pseudonyms>().Person(person.Id);
        var administrator = await app.QueryAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AdministratorEmail).Select(u => u.Id).SingleAsync());
        var entry = await app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "person.erased" && e.EntityId == pseudonym));
        Assert.Equal(administrator, entry.ActorUserId);
        Assert.Equal($"Vēstule no {pseudonym} 2027. gada 6. janvārī, paraksts pārbaudīts", entry.Reason);
        Assert.Empty(await DatabaseSearch.FindAsync(app, person.Email));

        // Erasing again: the page and the API both say there is no such account (400), not an error.
        using var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using var again = await admin.PostAsJsonAsync("/api/admin/people/erase", new { email = person.Email, reason, confirmed = true });
        using var againPage = await browser.SubmitFormAsync("/Admin/People/Erase",
            new Dictionary<string, string> { ["Input.Email"] = person.Email, ["Input.Reason"] = reason, ["Input.Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Nevienam kontam nav šādas e-pasta adreses.", Assert.Single(await Parity.ProblemMessagesAsync(again)));
        Assert.Contains("Nevienam kontam nav šādas e-pasta adreses.", Parity.FormErrors(await againPage.Content.ReadAsStringAsync()));

        // The audit page names the erased person by their pseudonym.
        Assert.Contains($"Dzēsta persona {pseudonym}", await browser.GetPageAsync("/Admin"));
    }

    [Theory, AllProviders]
    public async Task A_wrong_password_or_confirmation_erases_nothing_alike_on_page_and_API(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var person = await new PersonBuilder("Rūta Pārdomā").CreateAsync(app);
        using var browser = await app.SignedInAsync(person);
        using var client = await app.BearerClientAsync(person.Email);
        using (var page = await browser.SubmitFormAsync("/Account/Manage/Delete",
                   new Dictionary<string, string> { ["Input.Password"] = "Nav-Tā-Parole-1", ["Input.Confirmation"] = person.Email }))
        using (var api = await client.SendAsync(ErasureTests.Delete(new { password = "Nav-Tā-Parole-1", confirmation = person.Email })))
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Parole nav pareiza.");
        using (var page = await browser.SubmitFormAsync("/Account/Manage/Delete",
                   new Dictionary<string, string> { ["Input.Password"] = PersonBuilder.Password, ["Input.Confirmation"] = "cits@tests.example" }))
        using (var api = await client.SendAsync(ErasureTests.Delete(new { password = PersonBuilder.Password, confirmation = "cits@tests.example" })))
            await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Ierakstiet konta e-pasta adresi tieši tā, kā tā ir kontā.");
        Assert.True(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));

        // Through the page: erased, signed out, and the password no longer signs in.
        using (var page = await browser.SubmitFormAsync("/Account/Manage/Delete",
                   new Dictionary<string, string> { ["Input.Password"] = PersonBuilder.Password, ["Input.Confirmation"] = person.Email }))
            Assert.Contains("Konts ir dzēsts", await page.Content.ReadAsStringAsync());
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));
        using var after = await browser.Http.GetAsync("/Account/Manage/Delete");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    private static async Task AssertSelfRefusedAsync(AwardVoteApp app, TestPerson person, HttpStatusCode status, string message)
    {
        using var browser = await app.SignedInAsync(person);
        using var page = await browser.SubmitFormAsync("/Account/Manage/Delete",
            new Dictionary<string, string> { ["Input.Password"] = PersonBuilder.Password, ["Input.Confirmation"] = person.Email });
        using var client = await app.BearerClientAsync(person.Email);
        using var api = await client.SendAsync(ErasureTests.Delete(new { password = PersonBuilder.Password, confirmation = person.Email }));
        await Parity.AssertSameRefusalAsync(page, api, status, message);
    }

    private static async Task AssertAdminRefusedAsync(AwardVoteApp app, string email, HttpStatusCode status, string message)
    {
        using var browser = await app.SignedInAdministratorAsync();
        using var page = await browser.SubmitFormAsync("/Admin/People/Erase", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Reason"] = "Lūgums pa pastu", ["Input.Confirmed"] = "true",
        });
        using var admin = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using var api = await admin.PostAsJsonAsync("/api/admin/people/erase", new { email, reason = "Lūgums pa pastu", confirmed = true });
        await Parity.AssertSameRefusalAsync(page, api, status, message);
    }
}
