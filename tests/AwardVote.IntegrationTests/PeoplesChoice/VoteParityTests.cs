using System.Globalization;
using System.Net;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.PeoplesChoice;

/// <summary>The vote page and the API run the same vote desk: the same request is refused with the same words.</summary>
[Collection(AppsCollection.Name)]
public sealed class VoteParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_vote_from_an_address_that_is_not_one_is_refused_alike(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        using var browser = new Browserless(world.App);
        using var client = world.App.CreateClient();

        using var page = await browser.SubmitFormAsync($"/Cycles/{world.Slug}/Vote", new Dictionary<string, string>
        {
            ["Input.NominationId"] = world.NominationIds[0].ToString(CultureInfo.InvariantCulture), ["Input.Email"] = "nav-adrese",
        });
        using var api = await world.RequestAsync(client, world.NominationIds[0], "nav-adrese", "lv");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var (code, message) = await VoteWorld.ProblemAsync(api);
        Assert.Equal("invalid-address", code);
        Assert.Contains(message, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.VoteRequests.CountAsync(r => r.CycleId == world.CycleId)));
    }
}
