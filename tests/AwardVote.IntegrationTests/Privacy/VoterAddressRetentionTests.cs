using System.Net.Http.Json;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Application.Privacy;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Privacy;
using AwardVote.IntegrationTests.PeoplesChoice;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// Privacy:VoterAddressDays after a people's-choice result is public, the voters' addresses of that cycle become keyed
/// hashes: in the requests (and their IP addresses go), the votes, the member list, the alerts and the vote mails. Not
/// a day earlier, nothing of another cycle, the result and its published file unchanged, a second run changes nothing,
/// and the same mailbox, however spelled, still cannot vote twice in that cycle.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class VoterAddressRetentionTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Voters_addresses_become_hashes_after_the_period_once_and_one_vote_per_mailbox_still_holds(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var world = await VoteWorld.CreateAsync(app);
        var other = await VoteWorld.CreateAsync(app);
        var tag = Unique.Id()[..10];
        var jana = $"Jana.Ozola.{tag}@gmail.com";
        var maris = $"maris-{tag}@lasitaji.example";
        var ilze = $"ilze-{tag}@lasitaji.example";
        var stranger = $"svesais-{tag}@lasitaji.example";
        var otherVoter = $"cits-{tag}@lasitaji.example";
        using var http = app.CreateClient();

        // Jana votes through the form (her mail, her IP address); Māris by a stored link; Ilze is a member who did not vote.
        using (var asked = await world.RequestAsync(http, world.NominationIds[0], jana))
            asked.EnsureSuccessStatusCode();
        using (var confirmed = await world.ConfirmAsync(http, await world.TokenMailedToAsync(jana)))
            confirmed.EnsureSuccessStatusCode();
        using (var confirmed = await world.ConfirmAsync(http, await world.AddRequestAsync(maris, 2)))
            confirmed.EnsureSuccessStatusCode();
        using (var confirmed = await other.ConfirmAsync(http, await other.AddRequestAsync(otherVoter, 0)))
            confirmed.EnsureSuccessStatusCode();
        await app.DeliverMailAsync();
        var now = DateTimeOffset.UtcNow;
        await world.ExecuteAsync(async db =>
        {
            db.MemberList.AddRange(new[] { jana, maris, ilze }.Select(a => new MemberListEntry { CycleId = world.CycleId, Email = VoterAddress.Normalize(a) }));
            db.VoteAlerts.AddRange(
                Alert(world.CycleId, VoteAlertKind.IpBurst, "192.0.2.77", null, now),
                Alert(world.CycleId, VoteAlertKind.SimilarAddresses, VoterAddress.Skeleton(VoterAddress.Canonical(maris)), $"{maris.ToUpperInvariant()}\nMARIS-{tag}1@LASITAJI.EXAMPLE", now),
                Alert(world.CycleId, VoteAlertKind.DisposableDomain, "mailinator.com", null, now));
            await db.SaveChangesAsync();
        });

        // The vote closes, is counted, and the results are announced five days later.
        await world.UpdateSettingsAsync(now.AddDays(-2), now.AddMinutes(-1));
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<CountPeoplesChoiceJob>().RunAsync(CancellationToken.None);
        await world.MoveToAsync(CyclePhase.Published);
        var publishedAt = now.AddDays(5);
        await world.ExecuteAsync(async db =>
        {
            db.Publications.Add(new Publication
            {
                CycleId = world.CycleId, CategoryId = world.CategoryIds[0], LaureateNominationId = world.NominationIds[0],
                Citation = "Par lasītāju kopienu", PublishedAt = publishedAt,
            });
            await db.SaveChangesAsync();
        });
        var results = await ResultsAsync(world);
        var publicResults = await http.GetStringAsync($"/api/peoples-choice/{world.Slug}/results");
        var days = new PrivacyOptions().VoterAddressDays;

        // A day before the period ends: nothing of this cycle changes.
        await RunAsync(app, publishedAt.AddDays(days - 1));
        Assert.Contains(tag, string.Join("\n", await PersonalTextsAsync(world)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await HashedEntriesAsync(world));

        // A day after: every address of the cycle is a hash, and the entry counts what changed.
        await RunAsync(app, publishedAt.AddDays(days + 1));
        var left = await PersonalTextsAsync(world);
        Assert.DoesNotContain(left, text => text.Contains(tag, StringComparison.OrdinalIgnoreCase) || text.Contains("192.0.2.", StringComparison.Ordinal));
        var stored = await world.QueryAsync(async db => (
            await db.VoteRequests.Where(r => r.CycleId == world.CycleId).Select(r => new { r.VoterEmail, r.VoterKey, r.RequestIp }).ToListAsync(),
            await db.PeoplesChoiceVotes.Where(v => v.CycleId == world.CycleId).Select(v => new { v.VoterEmail, v.VoterKey }).ToListAsync(),
            await db.MemberList.Where(m => m.CycleId == world.CycleId).Select(m => m.Email).ToListAsync()));
        Assert.All(stored.Item1, r => Assert.True(Pseudonyms.IsHashed(r.VoterEmail) && Pseudonyms.IsHashed(r.VoterKey) && r.RequestIp is null));
        Assert.All(stored.Item2, v => Assert.True(Pseudonyms.IsHashed(v.VoterEmail) && Pseudonyms.IsHashed(v.VoterKey)));
        Assert.All(stored.Item3, m => Assert.True(Pseudonyms.IsHashed(m)));
        Assert.Equal(2, stored.Item2.Count);
        var entry = Assert.Single(await world.QueryAsync(db => db.AuditEntries.Where(a => a.CycleId == world.CycleId && a.Action == HashVoterAddressesJob.HashedAction).ToListAsync()));
        Assert.Contains("\"VoteRequests\":2", entry.After);
        Assert.Contains("\"Votes\":2", entry.After);
        Assert.Contains("\"MemberList\":3", entry.After);
        Assert.Contains("\"Alerts\":2", entry.After);
        Assert.Contains("\"Mails\":1", entry.After);
        Assert.Null(entry.ActorUserId);
        // The throwaway domain names nobody and stays; the alerts stay countable.
        Assert.Equal(3, await world.QueryAsync(db => db.VoteAlerts.CountAsync(a => a.CycleId == world.CycleId)));
        Assert.Equal(1, await world.QueryAsync(db => db.VoteAlerts.CountAsync(a => a.CycleId == world.CycleId && a.Subject == "mailinator.com")));

        // The count, its file and what the public reads are the same.
        Assert.Equal(results, await ResultsAsync(world));
        Assert.Equal(publicResults, await http.GetStringAsync($"/api/peoples-choice/{world.Slug}/results"));
        // The administrator's report still lists the alerts and the turnout, with no address in it.
        using (var admin = new Browserless(app))
        {
            await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
            var report = await admin.GetPageAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}");
            Assert.Contains("mailinator.com", report);
            Assert.DoesNotContain(tag, report, StringComparison.OrdinalIgnoreCase);
        }
        // Another cycle's votes are untouched.
        Assert.Equal(VoterAddress.Canonical(otherVoter),
            await other.QueryAsync(db => db.PeoplesChoiceVotes.Where(v => v.CycleId == other.CycleId).Select(v => v.VoterKey).SingleAsync()));

        // Twice in a row: the second run finds nothing, and writes no entry.
        Assert.Equal(0, await RunAsync(app, publishedAt.AddDays(days + 1)));
        Assert.Equal(1, await HashedEntriesAsync(world));

        // Were the vote ever open again (a correction), the same mailbox, however spelled, has voted in that cycle.
        await world.UpdateSettingsAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal("peoples-choice-already-voted", await MailForRequestAsync(world, http, $"janaozola{tag}+atkal@googlemail.com"));
        // Where only members vote, the hashed member list still knows its members: Jana has voted, Ilze may, a stranger may not.
        await world.UpdateSettingsAsync(s => s.Eligibility = VoterEligibility.MemberListOnly);
        Assert.Equal("peoples-choice-already-voted", await MailForRequestAsync(world, http, jana.ToUpperInvariant()));
        Assert.Equal("peoples-choice-confirmation", await MailForRequestAsync(world, http, ilze));
        using (var confirmed = await world.ConfirmAsync(http, await world.TokenMailedToAsync(ilze)))
            Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("peoples-choice-not-on-member-list", await MailForRequestAsync(world, http, stranger));
    }

    private static VoteAlert Alert(int cycleId, VoteAlertKind kind, string subject, string? addresses, DateTimeOffset now) => new()
    {
        CycleId = cycleId, Kind = kind, Subject = subject, Addresses = addresses, WindowStart = now.AddHours(-1), WindowEnd = now, Requests = 40, DetectedAt = now,
    };

    private static async Task<int> RunAsync(AwardVoteApp app, DateTimeOffset at)
    {
        await using var scope = app.Scope();
        return await ActivatorUtilities.CreateInstance<HashVoterAddressesJob>(scope.ServiceProvider, new FakeTimeProvider(at)).RunAsync(CancellationToken.None);
    }

    private static Task<int> HashedEntriesAsync(VoteWorld world) =>
        world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == HashVoterAddressesJob.HashedAction));

    private static Task<string> ResultsAsync(VoteWorld world) => world.QueryAsync(async db => string.Join("\n",
        (await db.PeoplesChoiceResults.AsNoTracking().Where(r => r.CycleId == world.CycleId).OrderBy(r => r.CategoryId).ToListAsync())
        .Select(r => $"{r.CategoryId} {r.Votes} {r.BallotFileSha256} {r.BallotFile} {r.ProtocolJson}")));

    /// <summary>Every text of the cycle's vote that could hold an address or an IP address.</summary>
    private static Task<List<string>> PersonalTextsAsync(VoteWorld world) => world.QueryAsync(async db =>
    {
        var cycleId = world.CycleId;
        var key = $":{cycleId}:";
        var texts = new List<string?>();
        foreach (var r in await db.VoteRequests.AsNoTracking().Where(r => r.CycleId == cycleId).ToListAsync())
            texts.AddRange([r.VoterEmail, r.VoterKey, r.RequestIp]);
        foreach (var v in await db.PeoplesChoiceVotes.AsNoTracking().Where(v => v.CycleId == cycleId).ToListAsync())
            texts.AddRange([v.VoterEmail, v.VoterKey]);
        texts.AddRange(await db.MemberList.Where(m => m.CycleId == cycleId).Select(m => m.Email).ToListAsync());
        foreach (var a in await db.VoteAlerts.AsNoTracking().Where(a => a.CycleId == cycleId).ToListAsync())
            texts.AddRange([a.Subject, a.Addresses]);
        foreach (var m in await db.Outbox.AsNoTracking().Where(m => m.DeduplicationKey.Contains(key) && m.Purpose.StartsWith("peoples-choice")).ToListAsync())
            texts.AddRange([m.ToEmail, m.ToName, m.TextBody, m.HtmlBody, m.LastError]);
        return texts.OfType<string>().ToList();
    });

    /// <summary>Asks for a vote for the second nominee and answers which mail the request queued.</summary>
    private static async Task<string> MailForRequestAsync(VoteWorld world, HttpClient http, string email)
    {
        using (var asked = await world.RequestAsync(http, world.NominationIds[1], email))
            Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var key = $":{world.CycleId}:";
        return await world.QueryAsync(db => db.Outbox.Where(m => m.ToEmail == email && m.DeduplicationKey.Contains(key))
            .OrderByDescending(m => m.Id).Select(m => m.Purpose).FirstAsync());
    }
}
