using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.PeoplesChoice;

/// <summary>
/// Issue 14, item 10: whether an address has voted, or is on the member list, is not public. A vote request is
/// answered alike, on the page and in the API, for an address that may vote, one that has voted and one not on the
/// list; only the mail to the address says which, in the voter's language.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class OneAnswerTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_new_voter_one_who_voted_and_one_off_the_list_get_the_same_answer_and_different_mails(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider), s => s.Eligibility = VoterEligibility.MemberListOnly);
        var fresh = world.Voter("jauns");
        var voted = world.Voter("balsojis");
        var stranger = world.Voter("svesais");
        await world.QueryAsync(async db =>
        {
            db.MemberList.AddRange(new MemberListEntry { CycleId = world.CycleId, Email = VoterAddress.Normalize(fresh) },
                new MemberListEntry { CycleId = world.CycleId, Email = VoterAddress.Normalize(voted) });
            return await db.SaveChangesAsync();
        });
        using var client = world.App.CreateClient();
        using (var confirmed = await world.ConfirmAsync(client, await world.AddRequestAsync(voted, 0)))
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        string[] addresses = [fresh, voted, stranger];

        // The API: one status and one body, byte for byte.
        var api = new List<(HttpStatusCode Status, string Body)>();
        foreach (var address in addresses)
        {
            using var response = await world.RequestAsync(client, world.NominationIds[1], address);
            api.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }
        Assert.All(api, answer => Assert.Equal(api[0], answer));
        Assert.Equal(HttpStatusCode.Accepted, api[0].Status);
        Assert.DoesNotContain("@", api[0].Body);

        // The page: one status and one notice, and no refusal.
        using var browser = new Browserless(world.App);
        var page = new List<(HttpStatusCode Status, string Notice)>();
        foreach (var address in addresses)
        {
            using var response = await browser.SubmitFormAsync($"/Cycles/{world.Slug}/Vote", new Dictionary<string, string>
            {
                ["Input.NominationId"] = world.NominationIds[1].ToString(CultureInfo.InvariantCulture), ["Input.Email"] = address,
            });
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("data-testid=\"vote-refused\"", html);
            page.Add((response.StatusCode, Notice().Match(html).Groups[1].Value));
        }
        Assert.All(page, answer => Assert.Equal(page[0], answer));
        Assert.Equal(HttpStatusCode.OK, page[0].Status);
        // The page and the API say the same words.
        Assert.Contains(page[0].Notice, WebUtility.HtmlDecode(Regex.Unescape(api[0].Body)));
        Assert.StartsWith("Ja ar šo adresi drīkst balsot, uz to ir nosūtīta saite.", page[0].Notice);

        // The mails differ: a link, "you have voted", "you are not on the list"; none but the first carries a link.
        var mails = await world.QueryAsync(db => db.Outbox.Where(m => addresses.Contains(m.ToEmail))
            .Select(m => new { m.ToEmail, m.Purpose, m.Subject, m.TextBody, m.Culture }).ToListAsync());
        Assert.Equal(6, mails.Count);
        Assert.All(mails.Where(m => m.ToEmail == fresh), m => Assert.Equal("peoples-choice-confirmation", m.Purpose));
        Assert.All(mails.Where(m => m.ToEmail == voted), m =>
        {
            Assert.Equal(("peoples-choice-already-voted", "lv"), (m.Purpose, m.Culture));
            Assert.Equal($"Jūsu balsojuma pieprasījums: {world.NameOf(1)}", m.Subject);
            Assert.Contains("No šīs pastkastes šajā balsojumā jau ir nobalsots", m.TextBody);
            Assert.DoesNotContain("/Vote/Confirm", m.TextBody);
        });
        Assert.All(mails.Where(m => m.ToEmail == stranger), m =>
        {
            Assert.Equal("peoples-choice-not-on-member-list", m.Purpose);
            Assert.Contains("Balsot var tikai biedrības biedri, un šī e-pasta adrese nav biedru sarakstā.", m.TextBody);
            Assert.DoesNotContain("/Vote/Confirm", m.TextBody);
        });
        // Only the mailbox that has voted keeps its one vote; nothing else was cast.
        Assert.Equal(1, await world.QueryAsync(db => db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == world.CycleId)));
    }

    [Theory, AllProviders]
    public async Task The_mail_gives_the_reason_in_the_voters_language(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider), s => s.Eligibility = VoterEligibility.MemberListOnly);
        var stranger = world.Voter("stranger");
        using var client = world.App.CreateClient();

        using var answer = await world.RequestAsync(client, world.NominationIds[0], stranger, "en");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Contains("If this address may vote, we have sent it a link.", await answer.Content.ReadAsStringAsync());
        var mail = await world.QueryAsync(db => db.Outbox.SingleAsync(m => m.ToEmail == stranger));
        Assert.Equal(("en", $"Your vote request for {world.NameOf(0)}"), (mail.Culture, mail.Subject));
        Assert.Contains("this e-mail address is not on the member list", mail.TextBody);
    }

    [GeneratedRegex("data-testid=\"vote-sent\">([^<]*)<")]
    private static partial Regex Notice();
}
