using System.Net;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.PeoplesChoice;

/// <summary>
/// A member list with several broken lines, quoting mistakes among them, is refused whole: the page names every bad
/// line and what is wrong with it, in Latvian, and the list in force stays as it was.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class MemberListEveryBadLineTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Every_bad_line_is_named_and_nothing_is_saved(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider), s => s.Eligibility = VoterEligibility.MemberListOnly);
        await world.QueryAsync(db =>
        {
            db.MemberList.Add(new MemberListEntry { CycleId = world.CycleId, Email = $"vecais-{world.Tag}@example.lv".ToUpperInvariant() });
            return db.SaveChangesAsync();
        });
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
        var url = $"/Admin/PeoplesChoice?cycleId={world.CycleId}";

        var file = "Vārds;E-pasts\n" +
                   "Anna;anna@example.lv\n" +
                   "Jānis;\"janis@example.lv\n" +           // 3: the quote is not closed
                   "Līga;liga@example.lv\n" +
                   "Māra;ma\"ra@example.lv\n" +              // 5: a quote inside a value
                   "Pēteris;nav-adrese\n" +                  // 6: not an address
                   "Ilze;\"ilze@example.lv\"x\n" +           // 7: text after the closing quote
                   "Kārlis;karlis@example.lv\n";
        using var refused = await admin.UploadAsync(url, $"/Admin/PeoplesChoice?handler=MemberList&cycleId={world.CycleId}",
            new Dictionary<string, string>(), "file", "biedri.csv", System.Text.Encoding.UTF8.GetBytes(file));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("3. rinda: pēdiņas atveras, bet šajā rindā neaizveras: Jānis;\"janis@example.lv", page);
        Assert.Contains("5. rinda: pēdiņa ir vērtības vidū, kas nav pēdiņās: Māra;ma\"ra@example.lv", page);
        Assert.Contains("6. rinda: \"nav-adrese\" nav e-pasta adrese.", page);
        Assert.Contains("7. rinda: aiz noslēdzošajām pēdiņām vēl ir teksts: Ilze;\"ilze@example.lv\"x", page);
        Assert.DoesNotContain("2. rinda:", page);
        Assert.DoesNotContain("8. rinda:", page);
        // Nothing saved: the list in force is the old one, and no audit entry says it was replaced.
        Assert.Equal([$"vecais-{world.Tag}@example.lv".ToUpperInvariant()],
            await world.QueryAsync(db => db.MemberList.Where(m => m.CycleId == world.CycleId).Select(m => m.Email).ToListAsync()));
        Assert.Equal(0, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == "peoples-choice.member-list-replaced")));
    }
}
