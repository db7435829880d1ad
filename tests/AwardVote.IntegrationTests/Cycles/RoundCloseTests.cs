using System.Net;
using System.Net.Http.Json;
using AwardVote.Application.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Cycles;

/// <summary>
/// Issue 14, item 4: an administrator moved a cycle from judging to the next step (which opens the scores export and
/// the jurors' means), read the scores, and moved it back so that the jurors voted again. A judging round's close is
/// one-way once the round holds a ballot.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class RoundCloseTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_closed_round_with_a_ballot_is_not_reopened_by_moving_the_phase_back(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().InPhase(CyclePhase.Judging, round: 1).CreateAsync(app);
        var categoryId = cycle.Categories.Single().Id;
        var nomination = await new NominationBuilder(cycle).Of(new LibraryBuilder()).Submitted().Eligible().Frozen().CreateAsync(app);
        var juror = await new PersonBuilder("Juris Vērtētājs").Juror(cycle.Id, categoryId).CreateAsync(app);
        using var client = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);

        // Without a ballot, a step back is a correction of the course.
        using (var forward = await MoveAsync(client, cycle.Id, "next"))
            Assert.Equal(HttpStatusCode.OK, forward.StatusCode);
        using (var back = await MoveAsync(client, cycle.Id, "back"))
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);

        // A juror scores, and the round is closed by moving on.
        await new ScoreBallotBuilder(cycle.Rounds.Single().Id, nomination.Id, juror.Id).Scores(cycle.Criteria.Select(c => c.Id).ToList(), 4).CreateAsync(app);
        using (var close = await MoveAsync(client, cycle.Id, "next"))
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        var closed = await PhaseAsync(app, cycle.Id);

        using var reopen = await MoveAsync(client, cycle.Id, "back");
        using var browser = await app.SignedInAdministratorAsync();
        using var page = await browser.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}", new Dictionary<string, string>
        {
            ["Move.Direction"] = "back", ["Move.Reason"] = "Žūrija balsos vēlreiz",
        }, $"/Admin/Cycles/{cycle.Id}?handler=Move");

        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Equal("PhaseMoveReopensRound", await Parity.ProblemCodeAsync(reopen));
        var message = Assert.Single(await Parity.ProblemMessagesAsync(reopen));
        Assert.StartsWith("Vērtēšanas 1. kārta ir noslēgusies", message);
        Assert.Contains(message, Parity.FormErrors(await page.Content.ReadAsStringAsync()));
        Assert.Equal(closed, await PhaseAsync(app, cycle.Id));
        Assert.Equal(CyclePhase.Counting, closed.Phase);
        // Three moves were made and audited; the refused ones left nothing.
        Assert.Equal(3, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == cycle.Id && a.Action == "cycle.phase-moved")));
    }

    [Theory, AllProviders]
    public async Task Repeating_a_round_discards_its_count_reopens_it_is_audited_and_mails_every_juror(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().Titled("Atkārtotās kārtas pārbaude").InPhase(CyclePhase.Judging, round: 1).CreateAsync(app);
        var categoryId = cycle.Categories.Single().Id;
        var nomination = await new NominationBuilder(cycle).Of(new LibraryBuilder()).Submitted().Eligible().Frozen().CreateAsync(app);
        var juror = await new PersonBuilder("Juris Vērtētājs").Juror(cycle.Id, categoryId).CreateAsync(app);
        var chair = await new PersonBuilder("Daina Priekšsēdētāja").Chair(cycle.Id, categoryId).CreateAsync(app);
        var roundId = cycle.Rounds.Single().Id;
        await new ScoreBallotBuilder(roundId, nomination.Id, juror.Id).Scores(cycle.Criteria.Select(c => c.Id).ToList(), 4).CreateAsync(app);
        using var client = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using (var close = await MoveAsync(client, cycle.Id, "next"))
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        Assert.Equal(1, await app.QueryAsync(db => db.RoundResults.CountAsync(r => r.RoundId == roundId)));

        var closesAt = DateTimeOffset.UtcNow.AddDays(3);
        using var inThePast = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/repeat-round",
            new { reason = "Pārbaude", closesAt = DateTimeOffset.UtcNow.AddDays(-1) });
        using var withoutReason = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/repeat-round", new { reason = " ", closesAt });
        using var repeated = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/repeat-round",
            new { reason = "Divu vērtējumi netika saglabāti", closesAt });

        Assert.Equal(HttpStatusCode.BadRequest, inThePast.StatusCode);
        Assert.Equal("RoundRepeatCloseNotFitting", await Parity.ProblemCodeAsync(inThePast));
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal((CyclePhase.Judging, 1), await PhaseAsync(app, cycle.Id));
        // The count is gone; the ballot stays for the juror to confirm or change.
        Assert.Equal(0, await app.QueryAsync(db => db.RoundResults.CountAsync(r => r.RoundId == roundId)));
        Assert.Equal(1, await app.QueryAsync(db => db.ScoreBallots.CountAsync(b => b.RoundId == roundId)));
        var audit = await app.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.CycleId == cycle.Id && a.Action == "cycle.round-repeated"));
        Assert.Equal("Divu vērtējumi netika saglabāti", audit.Reason);
        var mails = await app.QueryAsync(db => db.Outbox.Where(m => m.Purpose == "round-repeated" && (m.ToEmail == juror.Email || m.ToEmail == chair.Email))
            .Select(m => new { m.ToEmail, m.Subject, m.TextBody }).ToListAsync());
        Assert.Equal(new[] { chair.Email, juror.Email }.Order(StringComparer.Ordinal), mails.Select(m => m.ToEmail).Order(StringComparer.Ordinal));
        Assert.All(mails, m =>
        {
            Assert.Equal("Konkursa “Atkārtotās kārtas pārbaude” vērtēšanas 1. kārta tiek atkārtota", m.Subject);
            Assert.Contains("Divu vērtējumi netika saglabāti", m.TextBody);
        });

        // Once the round is repeated, it cannot be repeated again until it closes.
        using var again = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/repeat-round", new { reason = "Vēlreiz", closesAt });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, AllProviders]
    public async Task The_administrator_repeats_a_round_from_the_cycles_page_with_the_same_refusals_as_the_api(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().Titled("Atkārtošana lapā").InPhase(CyclePhase.Judging, round: 1).CreateAsync(app);
        var categoryId = cycle.Categories.Single().Id;
        var nomination = await new NominationBuilder(cycle).Of(new LibraryBuilder()).Submitted().Eligible().Frozen().CreateAsync(app);
        var juror = await new PersonBuilder("Juris Lapā").Juror(cycle.Id, categoryId).CreateAsync(app);
        await new ScoreBallotBuilder(cycle.Rounds.Single().Id, nomination.Id, juror.Id).Scores(cycle.Criteria.Select(c => c.Id).ToList(), 3).CreateAsync(app);
        using var client = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using (var close = await MoveAsync(client, cycle.Id, "next"))
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        using var admin = await app.SignedInAdministratorAsync();
        var page = await admin.GetPageAsync($"/Admin/Cycles/{cycle.Id}");
        Assert.Contains("data-testid=\"repeat-round\"", page);
        var closes = DateTimeOffset.UtcNow.AddDays(3);
        var rigaCloses = TimeZoneInfo.ConvertTime(closes, TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga")).ToString("yyyy-MM-ddTHH:mm");
        Dictionary<string, string> Form(string reason) => new()
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page),
            ["Repeat.Version"] = Browserless.InputValue(page, "Repeat.Version"),
            ["Repeat.Reason"] = reason,
            ["RepeatClosesAt"] = rigaCloses,
        };

        // No reason: the page and the API refuse it in the same words.
        using (var pageRefused = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}", Form(" "), $"/Admin/Cycles/{cycle.Id}?handler=Repeat"))
        using (var apiRefused = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/repeat-round", new { reason = " ", closesAt = closes }))
            await Parity.AssertSameRefusalAsync(pageRefused, apiRefused, HttpStatusCode.BadRequest, "Norādiet, kāpēc kārta tiek atkārtota");

        using var repeated = await admin.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}", Form("Biļeteni nebija pilnīgi"), $"/Admin/Cycles/{cycle.Id}?handler=Repeat");
        Assert.Equal(HttpStatusCode.Redirect, repeated.StatusCode);
        Assert.Equal((CyclePhase.Judging, 1), await PhaseAsync(app, cycle.Id));
        Assert.Equal("Biļeteni nebija pilnīgi",
            await app.QueryAsync(db => db.AuditEntries.Where(a => a.CycleId == cycle.Id && a.Action == "cycle.round-repeated").Select(a => a.Reason).SingleAsync()));
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, int cycleId, string direction) =>
        client.PostAsJsonAsync($"/api/admin/cycles/{cycleId}/phase", new { direction, reason = "Pārbaude" });

    private static Task<(CyclePhase Phase, int RoundNumber)> PhaseAsync(AwardVoteApp app, int cycleId) =>
        app.QueryAsync(db => db.Cycles.Where(c => c.Id == cycleId).Select(c => new ValueTuple<CyclePhase, int>(c.Phase, c.RoundNumber)).SingleAsync());
}
