using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;

namespace AwardVote.Tests;

/// <summary>
/// A cycle in its first judging round (or, ranked, its second with a shortlist of two): three judged nominations,
/// two weighted criteria, a jury of two with a known password. Made fresh with unique names for each test.
/// </summary>
public sealed class JudgingScenario
{
    public const string Password = PersonBuilder.Password;

    public int CycleId { get; private set; }
    public int CategoryId { get; private set; }
    public int RoundId { get; private set; }
    public int[] CriterionIds { get; private set; } = [];
    public int[] NominationIds { get; private set; } = [];
    public string JurorA { get; private set; } = "";
    public string JurorB { get; private set; } = "";
    public string JurorAEmail { get; private set; } = "";
    public string JurorBEmail { get; private set; } = "";

    public static async Task<JudgingScenario> CreateAsync(AwardVoteApp app, bool ranked = false)
    {
        var statute = new CycleBuilder()
            .Titled("Vērtēšanas pārbaude").Slug("judging").InPhase(CyclePhase.Judging, round: ranked ? 2 : 1)
            .WithCategory("Gada bibliotēka")
            .WithCriterion("Pakalpojumi", weight: 0.6m).WithCriterion("Projekti", weight: 0.4m)
            .WithScoreRound(shortlist: ranked ? 2 : null)
            .Timeline(open: -30, review: -20, judging: -10, counting: 10);
        if (ranked)
            statute.WithRankedRound().Starts(CyclePhase.Shortlist, statute.Now.AddDays(-5)).Starts(CyclePhase.Judging, statute.Now.AddDays(-4), round: 2);
        var cycle = await statute.CreateAsync(app);
        var world = new JudgingScenario
        {
            CycleId = cycle.Id,
            CategoryId = cycle.Categories[0].Id,
            RoundId = cycle.Rounds.Single(r => r.Number == 1).Id,
            CriterionIds = cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id).ToArray(),
        };

        var ids = new List<int>();
        foreach (var name in new[] { "Alsungas", "Bauskas", "Cesvaines" })
        {
            var nomination = await new NominationBuilder(cycle)
                .Of(new LibraryBuilder($"{name} bibliotēka").In("Kurzeme", name))
                .Submitted().Eligible().Frozen(statute.Now.AddDays(-20))
                .Summary($"{name} kopsavilkums").Achievements($"{name} sasniegumi")
                .CreateAsync(app);
            ids.Add(nomination.Id);
        }
        world.NominationIds = [.. ids];
        if (ranked)
        {
            await app.ExecuteAsync(db =>
            {
                db.Shortlist.AddRange(ids.Take(2).Select((id, i) => new ShortlistEntry { RoundId = world.RoundId, CategoryId = world.CategoryId, NominationId = id, Position = i + 1 }));
                return db.SaveChangesAsync();
            });
        }

        var (a, b) = (await Juror("Juris A").CreateAsync(app), await Juror("Juris B").CreateAsync(app));
        (world.JurorA, world.JurorAEmail, world.JurorB, world.JurorBEmail) = (a.Id, a.Email, b.Id, b.Email);
        return world;

        PersonBuilder Juror(string name) => new PersonBuilder(name).Juror(cycle.Id, world.CategoryId);
    }

    public static async Task<(string Id, string Email)> UserAsync(AwardVoteApp app, string name, Func<string, RoleGrant>? grant = null)
    {
        var person = await new PersonBuilder(name).Grant(grant).CreateAsync(app);
        return (person.Id, person.Email);
    }
}
