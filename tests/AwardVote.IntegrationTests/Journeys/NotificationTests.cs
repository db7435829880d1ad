using AwardVote.Application.Jury;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Security;
using AwardVote.IntegrationTests.Jury;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Journeys;

/// <summary>
/// Issue 16, item 8: mails at the moments people wait for — a judging round opens, a letter of support arrives, a
/// conflict is decided — each in the recipient's language, and each once however often its cause runs.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class NotificationTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Opening_judging_by_hand_mails_every_juror_once_even_moved_back_and_forward_again(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var now = DateTimeOffset.UtcNow;
        var cycle = await new CycleBuilder().Titled("Paziņojumu cikls", "Notification cycle").Slug("notify")
            .InPhase(CyclePhase.EligibilityReview)
            .Timeline(open: -30, review: -10).Starts(CyclePhase.Judging, now.AddDays(5)).Starts(CyclePhase.Counting, now.AddDays(20))
            .CreateAsync(app);
        var category = cycle.Categories[0].Id;
        var latvian = await new PersonBuilder("Rūta Kalniņa").Culture("lv").Juror(cycle.Id, category).CreateAsync(app);
        var english = await new PersonBuilder("Anna Smith").Culture("en").Juror(cycle.Id, category).CreateAsync(app);
        var chair = await new PersonBuilder("Priekšsēdētājs Ozols").Culture("lv").Juror(cycle.Id, category).Chair(cycle.Id, category).CreateAsync(app);
        var outsider = await new PersonBuilder("Cita cikla žūrija").CreateAsync(app);

        Assert.True((await MoveAsync(app, cycle.Id, "next")).Succeeded);
        Assert.True((await MoveAsync(app, cycle.Id, "back")).Succeeded);
        Assert.True((await MoveAsync(app, cycle.Id, "next")).Succeeded);

        var mails = await app.QueryAsync(db => db.Outbox.Where(m => m.Purpose == "judging-opened" && m.DeduplicationKey.Contains($":{cycle.Id}:1:")).ToListAsync());
        Assert.Equal(3, mails.Count);
        Assert.Single(mails, m => m.ToEmail == latvian.Email);
        Assert.Single(mails, m => m.ToEmail == chair.Email);
        Assert.DoesNotContain(mails, m => m.ToEmail == outsider.Email);
        var lv = mails.Single(m => m.ToEmail == latvian.Email);
        Assert.Contains("Vērtēšana ir atvērta: Paziņojumu cikls, 1. kārta", lv.Subject);
        Assert.Contains("/Jury", lv.TextBody);
        Assert.StartsWith("Judging is open: Notification cycle, round 1", mails.Single(m => m.ToEmail == english.Email).Subject);
    }

    [Theory, AllProviders]
    public async Task The_clock_opening_judging_mails_each_juror_once_when_the_job_runs_twice(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var now = DateTimeOffset.UtcNow;
        var cycle = await new CycleBuilder().Titled("Pulksteņa cikls").Slug("clock")
            .InPhase(CyclePhase.EligibilityReview)
            .Timeline(open: -30, review: -10).Starts(CyclePhase.Judging, now.AddMinutes(-5)).Starts(CyclePhase.Counting, now.AddDays(20))
            .CreateAsync(app);
        var juror = await new PersonBuilder("Jānis Bērziņš").Juror(cycle.Id, cycle.Categories[0].Id).CreateAsync(app);

        await app.InScopeAsync(s => s.GetRequiredService<AdvancePhasesJob>().RunAsync(CancellationToken.None));
        await app.InScopeAsync(s => s.GetRequiredService<AdvancePhasesJob>().RunAsync(CancellationToken.None));

        Assert.Equal(CyclePhase.Judging, await app.QueryAsync(db => db.Cycles.Where(c => c.Id == cycle.Id).Select(c => c.Phase).SingleAsync()));
        var mail = await app.QueryAsync(db => db.Outbox.SingleAsync(m => m.Purpose == "judging-opened" && m.ToEmail == juror.Email));
        Assert.Contains("/Jury", mail.TextBody);
    }

    [Theory, AllProviders]
    public async Task A_letter_of_support_is_announced_to_each_representative_once_in_their_language(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().Titled("Vēstuļu cikls", "Letters cycle").Slug("letters").InPhase(CyclePhase.NominationsOpen)
            .Timeline(open: -1, review: 30).CreateAsync(app);
        var library = await new LibraryBuilder("Rūjienas bibliotēka").CreateAsync(app);
        var latvian = await new PersonBuilder("Inga Bērziņa").Culture("lv").Representative(library.Id).CreateAsync(app);
        var english = await new PersonBuilder("Anna Smith").Culture("en").Representative(library.Id).CreateAsync(app);
        var rival = await new LibraryBuilder("Cita bibliotēka").CreateAsync(app);
        var rivalPerson = await new PersonBuilder("Konkurente").Representative(rival.Id).CreateAsync(app);
        var nomination = await new NominationBuilder(cycle).Of(library.Id).CreateAsync(app);
        var (token, hash) = OneTimeToken.Create();
        await app.ExecuteAsync(async db =>
        {
            db.Endorsements.Add(new Endorsement
            {
                NominationId = nomination.Id, EndorserName = "Mārtiņš Ozols", EndorserEmail = "martins@tests.example", TokenHash = hash,
                RequestedAt = DateTimeOffset.UtcNow, TokenExpiresAt = DateTimeOffset.UtcNow.AddDays(10),
            });
            await db.SaveChangesAsync();
        });

        var first = await app.InScopeAsync(s => s.GetRequiredService<WriteEndorsement>()
            .RunAsync(token, new WriteEndorsementInput { Letter = "Iesaku ar prieku." }, CancellationToken.None));
        var second = await app.InScopeAsync(s => s.GetRequiredService<WriteEndorsement>()
            .RunAsync(token, new WriteEndorsementInput { Letter = "Vēlreiz." }, CancellationToken.None));

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        var mails = await app.QueryAsync(db => db.Outbox.Where(m => m.Purpose == "endorsement-received"
            && (m.ToEmail == latvian.Email || m.ToEmail == english.Email || m.ToEmail == rivalPerson.Email)).ToListAsync());
        Assert.Equal(2, mails.Count);
        var lv = mails.Single(m => m.ToEmail == latvian.Email);
        Assert.Equal("Saņemta atbalsta vēstule: Rūjienas bibliotēka", lv.Subject);
        Assert.Contains("Rakstīja: Mārtiņš Ozols", lv.TextBody);
        Assert.Contains($"/Nominations/Endorsements?id={nomination.Id}", lv.TextBody);
        Assert.Contains("Written by: Mārtiņš Ozols", mails.Single(m => m.ToEmail == english.Email).TextBody);
    }

    [Theory, AllProviders]
    public async Task The_juror_hears_whether_a_proposed_conflict_was_confirmed_or_dismissed(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var first = await world.NominationAsync(await world.LibraryAsync("Alūksnes bibliotēka", region: "Vidzeme"));
        var second = await world.NominationAsync(await world.LibraryAsync("Balvu bibliotēka", region: "Latgale"));
        var juror = await world.PersonAsync("Dace Lapiņa", AwardVote.Domain.Accounts.ScopedRole.Juror);
        var chair = await world.PersonAsync("Priekšsēdētāja Liepa", AwardVote.Domain.Accounts.ScopedRole.Chair);
        await world.ConflictAsync(juror, first, ConflictSource.SameRegion, ConflictStatus.Proposed);
        await world.ConflictAsync(juror, second, ConflictSource.SameRegion, ConflictStatus.Proposed);
        var ids = await world.QueryAsync(db => db.Conflicts.Where(c => c.JurorUserId == juror.Id).OrderBy(c => c.NominationId == first ? 0 : 1)
            .Select(c => c.Id).ToListAsync());

        var confirmed = await world.App.InScopeAsync(s => s.GetRequiredService<DecideConflict>().RunAsync(world.CycleId, world.CategoryId, ids[0],
            new DecideConflictInput { Confirm = true }, chair.Id, CancellationToken.None));
        var dismissed = await world.App.InScopeAsync(s => s.GetRequiredService<DecideConflict>().RunAsync(world.CycleId, world.CategoryId, ids[1],
            new DecideConflictInput { Confirm = false, Reason = "Cits novads" }, chair.Id, CancellationToken.None));
        // Deciding again is refused, and mails nothing more.
        var again = await world.App.InScopeAsync(s => s.GetRequiredService<DecideConflict>().RunAsync(world.CycleId, world.CategoryId, ids[1],
            new DecideConflictInput { Confirm = true }, chair.Id, CancellationToken.None));

        Assert.True(confirmed.Succeeded);
        Assert.True(dismissed.Succeeded);
        Assert.False(again.Succeeded);
        var mails = await world.QueryAsync(db => db.Outbox.Where(m => m.ToEmail == juror.Email && m.Purpose == "conflict-decided").ToListAsync());
        Assert.Equal(2, mails.Count);
        var yes = mails.Single(m => m.Subject.StartsWith("Jūsu interešu konflikts ir apstiprināts"));
        Assert.Contains("Pieteikums: Alūksnes bibliotēka", yes.TextBody);
        Assert.Contains($"/Jury/Nomination?id={first}", yes.TextBody);
        var no = mails.Single(m => m.Subject.StartsWith("Iespējamais interešu konflikts ir noraidīts"));
        Assert.Contains("Pieteikums: Balvu bibliotēka", no.TextBody);
        Assert.Contains("Iemesls: Cits novads", no.TextBody);
    }

    private static Task<AwardVote.Application.Outcome<AwardCycle>> MoveAsync(AwardVoteApp app, int cycleId, string direction) =>
        app.InScopeAsync(s => s.GetRequiredService<MovePhase>().RunAsync(cycleId,
            new MovePhaseInput { Direction = direction, Reason = "Pārbaude" }, CancellationToken.None));
}
