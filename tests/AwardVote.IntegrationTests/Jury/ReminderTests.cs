using AwardVote.Application.Jury;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Jury;

[Collection(AppsCollection.Name)]
public sealed class ReminderTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_job_mails_each_late_juror_once_per_reminder_day_and_nobody_who_is_done(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var first = await world.NominationAsync(await world.LibraryAsync("Ventspils bibliotēka", municipality: "Ventspils"));
        var second = await world.NominationAsync(await world.LibraryAsync("Kuldīgas bibliotēka", municipality: "Kuldīga"));
        var late = await world.PersonAsync("Late Juror", ScopedRole.Juror, culture: "en");
        var done = await world.PersonAsync("Gatavā Žūrija", ScopedRole.Chair);
        await world.BallotAsync(late, first, 7, 7);
        await world.BallotAsync(done, first, 8, 8);
        await world.BallotAsync(done, second, 9, 9);

        // The day before the first reminder day: nothing.
        await RunTwiceAsync(world, world.ClosesAt.AddDays(-8));
        await world.DeliverMailAsync();
        Assert.Empty(Mailbox.To(late.Email));

        await RunTwiceAsync(world, world.ClosesAt.AddDays(-7).AddHours(1));
        await RunTwiceAsync(world, world.ClosesAt.AddDays(-6));
        await world.DeliverMailAsync();
        var seven = await Mailbox.WaitForAsync(late.Email);
        var mail = Assert.Single(seven);
        Assert.Equal("Reminder: your ballots for Jury test cycle", mail.Subject);
        Assert.Contains("1 of your 2 ballots in Jury test cycle are not finished yet.", mail.TextBody);

        await RunTwiceAsync(world, world.ClosesAt.AddHours(-20));
        await world.DeliverMailAsync();
        Assert.Equal(2, (await Mailbox.WaitForAsync(late.Email, 2)).Count);
        await Task.Delay(300);
        Assert.Equal(2, Mailbox.To(late.Email).Count);
        Assert.Empty(Mailbox.To(done.Email));
        Assert.Equal(2, await world.QueryAsync(db => db.Outbox.CountAsync(m => m.ToEmail == late.Email && m.Purpose == "jury-reminder")));
    }

    [Theory, AllProviders]
    public async Task The_chairs_button_previews_and_sends_one_digest_per_late_juror_and_is_audited(DatabaseProvider provider)
    {
        var world = await JuryWorld.CreateAsync(apps.Get(provider));
        var first = await world.NominationAsync(await world.LibraryAsync("Madonas bibliotēka", municipality: "Madona"));
        await world.NominationAsync(await world.LibraryAsync("Gulbenes bibliotēka", municipality: "Gulbene"));
        var late = await world.PersonAsync("Marta Kalna", ScopedRole.Juror);
        var chair = await world.PersonAsync("Priekšsēdētājs Upe", ScopedRole.Chair);
        await world.BallotAsync(chair, first, 5, 5);
        using var browser = await world.SignedInAsync(chair);

        var page = await browser.GetPageAsync($"/Jury/Progress?{world.Panel}");
        Assert.Contains($"data-testid=\"preview-{late.Id}\"", page);
        Assert.Contains("No jūsu 2 balsojumiem konkursā Žūrijas pārbaudes cikls vēl nav pabeigti 2.", page);

        using var sent = await browser.SubmitFormAsync($"/Jury/Progress?{world.Panel}", new Dictionary<string, string>(),
            $"/Jury/Progress?handler=Remind&{world.Panel}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, sent.StatusCode);
        await world.DeliverMailAsync();

        var mail = Assert.Single(await Mailbox.WaitForAsync(late.Email));
        Assert.Equal("Atgādinājums: jūsu balsojumi konkursā Žūrijas pārbaudes cikls", mail.Subject);
        Assert.Single(await Mailbox.WaitForAsync(chair.Email));
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "jury.reminded" && a.CycleId == world.CycleId)));
    }

    private static async Task RunTwiceAsync(JuryWorld world, DateTimeOffset now)
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = world.App.Scope();
            var job = ActivatorUtilities.CreateInstance<RemindJurorsJob>(scope.ServiceProvider, new FakeTimeProvider(now));
            await job.RunAsync(CancellationToken.None);
        }
    }
}
