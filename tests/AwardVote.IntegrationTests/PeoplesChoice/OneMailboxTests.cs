using System.Globalization;
using System.Net;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AwardVote.IntegrationTests.PeoplesChoice;

/// <summary>
/// Issue 14, item 9: one mailbox casts one people's-choice vote, however its address is spelled ("voter@",
/// "voter+1@", "v.o.t.e.r@gmail.com", "voter@googlemail.com"): the unique key is on the mailbox, so even links asked
/// for before any vote and confirmed at once leave one. Near-duplicates are grouped on the abuse report, after the
/// review hook has seen them.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class OneMailboxTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Spellings_of_one_mailbox_confirmed_at_once_cast_one_vote(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        var name = $"voter{world.Tag}";
        string[] spellings =
        [
            $"{name}@gmail.com", $"{name}+1@gmail.com", string.Join('.', name.ToCharArray()) + "@gmail.com", $"{name[..3]}.{name[3..]}+lv@GoogleMail.com",
        ];
        // Every link is asked for before any vote, so only the database's key can keep them to one.
        var tokens = new List<string>();
        foreach (var spelling in spellings)
            tokens.Add(await world.AddRequestAsync(spelling, 0));
        using var client = world.App.CreateClient();

        var answers = await Task.WhenAll(tokens.Select(async token =>
        {
            using var response = await world.ConfirmAsync(client, token);
            return (response.StatusCode, (await VoteWorld.ProblemOrNullAsync(response))?.Code);
        }));

        Assert.Equal(1, await world.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal((HttpStatusCode.Conflict, "already-voted"), a));
        Assert.Equal($"{name}@gmail.com".ToUpperInvariant(),
            await world.QueryAsync(db => db.PeoplesChoiceVotes.Where(v => v.CycleId == world.CycleId).Select(v => v.VoterKey).SingleAsync()));

        // A new request from yet another spelling (the fifth of the mailbox this hour, within its limit) is answered as
        // any request is, and its mail says the mailbox has voted.
        var another = $"{name[..2]}.{name[2..]}+again@googlemail.com";
        using var again = await world.RequestAsync(client, world.NominationIds[1], another);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var mail = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.ToEmail == another));
        Assert.Equal("peoples-choice-already-voted", mail.Purpose);
        Assert.DoesNotContain("/Vote/Confirm", mail.TextBody);
    }

    [Theory, AllProviders]
    public async Task A_sub_address_tag_is_one_mailbox_at_any_domain_requested_through_the_api(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var client = world.App.CreateClient();
        var plain = $"lasitaja-{world.Tag}@biblioteka.example";
        var tagged = $"lasitaja-{world.Tag}+balsojums@biblioteka.example";

        using (var first = await world.RequestAsync(client, world.NominationIds[0], plain))
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using (var second = await world.RequestAsync(client, world.NominationIds[1], tagged))
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        using var confirmed = await world.ConfirmAsync(client, await world.TokenMailedToAsync(plain));
        using var refused = await world.ConfirmAsync(client, await world.TokenMailedToAsync(tagged));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("already-voted", (await VoteWorld.ProblemAsync(refused)).Code);
        Assert.Equal(world.NominationIds[0], await world.QueryAsync(db => db.PeoplesChoiceVotes.Where(v => v.CycleId == world.CycleId).Select(v => v.NominationId).SingleAsync()));
    }

    [Theory, AllProviders]
    public async Task The_per_address_limit_counts_every_spelling_of_the_mailbox(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var client = world.App.CreateClient();
        var name = $"voter{world.Tag}";
        var limit = new PeoplesChoiceOptions().RequestsPerAddressPerHour;
        for (var i = 0; i < limit; i++)
        {
            using var accepted = await world.RequestAsync(client, world.NominationIds[0], $"{name}+{i}@gmail.com");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await world.RequestAsync(client, world.NominationIds[0], $"{name[..4]}.{name[4..]}@googlemail.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(limit, await world.QueryAsync(db => db.VoteRequests.CountAsync(r => r.CycleId == world.CycleId)));
    }

    [Theory, AllProviders]
    public async Task Near_duplicate_addresses_are_grouped_on_the_abuse_report_after_the_review_hook(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        var anna = $"anna.berzina.{world.Tag}";
        // One mailbox, two spellings; three mailboxes that differ only in a digit; one ordinary voter.
        await world.AddRequestAsync($"{anna}@gmail.com", 0);
        await world.AddRequestAsync($"{anna.Replace(".", "", StringComparison.Ordinal)}+x@googlemail.com", 1);
        for (var i = 1; i <= 3; i++)
            await world.AddRequestAsync($"juris{i}.{world.Tag}@lasitaji.example", 0);
        await world.AddRequestAsync(world.Voter(), 0);
        var review = new RecordingReview(dismissKeyContaining: "JURIS");

        var now = DateTimeOffset.UtcNow;
        await using (var scope = world.App.Scope())
        {
            var job = ActivatorUtilities.CreateInstance<DetectVoteAbuseJob>(scope.ServiceProvider, (IAddressGroupReview)review);
            await job.DetectAsync(world.CycleId, now.AddHours(-1), TimeSpan.FromHours(2), now, CancellationToken.None);
        }

        // The hook saw both groups and nothing else; it dismissed one, the other is on the report with its addresses.
        Assert.Equal(2, review.Seen.Count);
        var annaGroup = Assert.Single(review.Seen, g => g.Key.Contains("ANNA", StringComparison.Ordinal));
        Assert.Equal((2, 1, 2), (annaGroup.Addresses.Count, annaGroup.Mailboxes, annaGroup.Requests));
        var juris = Assert.Single(review.Seen, g => g.Key.Contains("JURIS", StringComparison.Ordinal));
        Assert.Equal(3, juris.Mailboxes);
        var alert = Assert.Single(await world.QueryAsync(db => db.VoteAlerts.Where(a => a.CycleId == world.CycleId).ToListAsync()));
        Assert.Equal(VoteAlertKind.SimilarAddresses, alert.Kind);
        Assert.Equal(2, alert.Requests);
        Assert.Equal([$"{anna}@gmail.com".ToUpperInvariant(), $"{anna.Replace(".", "", StringComparison.Ordinal)}+x@googlemail.com".ToUpperInvariant()],
            alert.Addresses!.Split('\n').Order(StringComparer.Ordinal));

        // The default hook reports every group; the administrator reads the addresses of each.
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<DetectVoteAbuseJob>()
                .DetectAsync(world.CycleId, now.AddHours(-1), TimeSpan.FromHours(2), now, CancellationToken.None);
        Assert.Equal(2, await world.QueryAsync(db => db.VoteAlerts.CountAsync(a => a.CycleId == world.CycleId && a.Kind == VoteAlertKind.SimilarAddresses)));
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
        var page = WebUtility.HtmlDecode(await admin.GetPageAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}"));
        Assert.Contains("Adreses, kas var būt viena pastkaste", page);
        Assert.Contains("data-testid=\"similar-addresses\"", page);
        Assert.Contains($"JURIS2.{world.Tag.ToUpperInvariant()}@LASITAJI.EXAMPLE", page);
    }

    private sealed class RecordingReview(string dismissKeyContaining) : IAddressGroupReview
    {
        public List<AddressGroup> Seen { get; } = [];

        public Task<AddressGroupVerdict> ReviewAsync(AddressGroup group, CancellationToken cancellationToken)
        {
            Seen.Add(group);
            return Task.FromResult(group.Key.Contains(dismissKeyContaining, StringComparison.Ordinal) ? AddressGroupVerdict.Dismiss : AddressGroupVerdict.Report);
        }
    }
}
