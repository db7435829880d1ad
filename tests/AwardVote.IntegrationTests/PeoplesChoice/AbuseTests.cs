using System.Net.Http.Json;
using System.Net;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AwardVote.IntegrationTests.PeoplesChoice;

[Collection(AppsCollection.Name)]
public sealed class AbuseTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Too_many_requests_for_one_address_are_answered_429_in_the_voters_language(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var client = world.App.CreateClient();
        var voter = world.Voter();
        var limit = new PeoplesChoiceOptions().RequestsPerAddressPerHour;
        for (var i = 0; i < limit; i++)
        {
            using var accepted = await world.RequestAsync(client, world.NominationIds[i % 2], i % 2 == 0 ? voter : voter.ToUpperInvariant());
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var refused = await world.RequestAsync(client, world.NominationIds[0], voter);
        using var refusedInEnglish = await world.RequestAsync(client, world.NominationIds[0], voter, "en");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(("too-many-requests", "Pārāk daudz balsojuma pieprasījumu šai e-pasta adresei. Pagaidiet stundu vai meklējiet jau nosūtītās vēstules."),
            await VoteWorld.ProblemAsync(refused));
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedInEnglish.StatusCode);
        Assert.StartsWith("Too many vote requests for this e-mail address.", (await VoteWorld.ProblemAsync(refusedInEnglish)).Detail);
        Assert.Equal(limit, await world.QueryAsync(db => db.VoteRequests.CountAsync(r => r.CycleId == world.CycleId)));

        // The page answers the same, with the same status.
        using var browser = new Browserless(world.App);
        using var page = await browser.SubmitFormAsync($"/Cycles/{world.Slug}/Vote", new Dictionary<string, string>
        {
            ["Input.NominationId"] = world.NominationIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Email"] = voter,
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Pārāk daudz balsojuma pieprasījumu šai e-pasta adresei.", await page.Content.ReadAsStringAsync());
    }

    [Theory, AllProviders]
    public async Task Too_many_requests_from_one_IP_address_are_answered_429_but_reading_is_not_limited(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        // A host of its own on the same database, with a limit of two requests a minute per IP address.
        await using var limited = world.App.WithWebHostBuilder(b => b.UseSetting("PeoplesChoice:RequestsPerIpPerMinute", "2"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 2; i++)
        {
            using var accepted = await world.RequestAsync(client, world.NominationIds[0], world.Voter());
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        using var refused = await world.RequestAsync(client, world.NominationIds[0], world.Voter());
        using var refusedInEnglish = await world.RequestAsync(client, world.NominationIds[0], world.Voter(), "en");
        using var pagePost = await client.PostAsync($"/Cycles/{world.Slug}/Vote", new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var pageGet = await client.GetAsync($"/Cycles/{world.Slug}/Vote");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(("too-many-requests", "Pārāk daudz pieprasījumu no jūsu tīkla. Pagaidiet minūti un mēģiniet vēlreiz."), await VoteWorld.ProblemAsync(refused));
        Assert.Equal("Too many requests from your network. Wait a minute and try again.", (await VoteWorld.ProblemAsync(refusedInEnglish)).Detail);
        Assert.Equal(HttpStatusCode.TooManyRequests, pagePost.StatusCode);
        Assert.Contains("Pārāk daudz pieprasījumu no jūsu tīkla.", await pagePost.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, pageGet.StatusCode);
        Assert.Equal(2, await world.QueryAsync(db => db.VoteRequests.CountAsync(r => r.CycleId == world.CycleId)));
    }

    [Theory, AllProviders]
    public async Task Throwaway_addresses_and_bursts_are_reported_to_the_administrator_not_dropped(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var client = world.App.CreateClient();
        var throwaway = $"balsis-{world.Tag}@sub.mailinator.com";
        using (var accepted = await world.RequestAsync(client, world.NominationIds[0], throwaway))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        // A burst: requests for one nomination from one IP address at one moment (inside one detection window).
        var moment = DateTimeOffset.UtcNow;
        for (var i = 0; i < 4; i++)
            await world.AddRequestAsync(world.Voter(), 1, requestedAt: moment);

        var options = Options.Create(new PeoplesChoiceOptions { IpBurstThreshold = 4, NominationBurstThreshold = 4 });
        for (var run = 0; run < 2; run++)
        {
            await using var scope = world.App.Scope();
            await ActivatorUtilities.CreateInstance<DetectVoteAbuseJob>(scope.ServiceProvider, options).RunAsync(CancellationToken.None);
        }

        var alerts = await world.QueryAsync(db => db.VoteAlerts.Where(a => a.CycleId == world.CycleId).ToListAsync());
        Assert.Equal(3, alerts.Count);
        Assert.Contains(alerts, a => a is { Kind: VoteAlertKind.DisposableDomain, Subject: "sub.mailinator.com", Requests: 1 });
        Assert.Contains(alerts, a => a is { Kind: VoteAlertKind.IpBurst, Subject: "192.0.2.10", Requests: 4 });
        Assert.Contains(alerts, a => a.Kind == VoteAlertKind.NominationBurst && a.Subject == world.NominationIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The throwaway request stands: it can still be confirmed.
        using (var confirmed = await world.ConfirmAsync(client, await world.TokenMailedToAsync(throwaway)))
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        using var admin = new Browserless(world.App);
        await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
        var page = await admin.GetPageAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}");
        Assert.Contains("data-testid=\"alerts\"", page);
        Assert.Contains("192.0.2.10", page);
        Assert.Contains(world.NameOf(1), page);
        Assert.Contains("sub.mailinator.com", page);
        Assert.Contains(VoterAddress.Normalize(throwaway), page);
    }
}
