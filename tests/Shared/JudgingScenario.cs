using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.Tests;

/// <summary>
/// A cycle in its first judging round (or, ranked, its second with a shortlist of two): three judged nominations,
/// two weighted criteria, a jury of two with a known password. Made fresh with unique names for each test.
/// </summary>
public sealed class JudgingScenario
{
    public const string Password = "Žūrija-Vērtē-2026";

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
        var world = new JudgingScenario();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var cycle = new AwardCycle
        {
            Title = "Vērtēšanas pārbaude",
            Slug = $"judging-{Guid.NewGuid():N}",
            Year = now.Year,
            Phase = CyclePhase.Judging,
            RoundNumber = ranked ? 2 : 1,
            StatuteLockedAt = now.AddDays(-30),
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka" }],
            Criteria =
            [
                new Criterion { Order = 1, Name = "Pakalpojumi", Weight = 0.6m, ScaleMin = 1, ScaleMax = 5 },
                new Criterion { Order = 2, Name = "Projekti", Weight = 0.4m, ScaleMin = 1, ScaleMax = 5 },
            ],
            Rounds =
            [
                new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean, ShortlistSize = ranked ? 2 : null },
                .. ranked ? [new Round { Number = 2, Kind = BallotKind.Ranked, Method = CountingMethod.Schulze }] : Array.Empty<Round>(),
            ],
            Schedule = PhasePlan.NewSchedule(ranked ? 2 : 1),
        };
        foreach (var step in cycle.Schedule)
        {
            step.StartsAt = step.Phase switch
            {
                CyclePhase.NominationsOpen => now.AddDays(-30),
                CyclePhase.EligibilityReview => now.AddDays(-20),
                CyclePhase.Judging when step.RoundNumber == 1 => now.AddDays(-10),
                CyclePhase.Shortlist => now.AddDays(-5),
                CyclePhase.Judging => now.AddDays(-4),
                CyclePhase.Counting => now.AddDays(10),
                _ => null,
            };
        }
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        world.CycleId = cycle.Id;
        world.CategoryId = cycle.Categories[0].Id;
        world.RoundId = cycle.Rounds.Single(r => r.Number == 1).Id;
        world.CriterionIds = cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id).ToArray();

        var ids = new List<int>();
        foreach (var name in new[] { "Alsungas", "Bauskas", "Cesvaines" })
        {
            var library = new Library { Name = $"{name} bibliotēka", Region = "Kurzeme", Municipality = name, RegistrationNumber = $"J{Guid.NewGuid():N}"[..20], Status = LibraryStatus.Approved };
            db.Libraries.Add(library);
            await db.SaveChangesAsync();
            var nomination = new Nomination
            {
                CycleId = cycle.Id, CategoryId = world.CategoryId, LibraryId = library.Id, Status = NominationStatus.Submitted,
                Eligibility = EligibilityDecision.Eligible, PublicSummary = $"{name} kopsavilkums", Achievements = $"{name} sasniegumi",
                FrozenAt = now.AddDays(-20), CreatedAt = now, UpdatedAt = now,
            };
            db.Nominations.Add(nomination);
            await db.SaveChangesAsync();
            ids.Add(nomination.Id);
        }
        world.NominationIds = [.. ids];
        if (ranked)
        {
            db.Shortlist.AddRange(ids.Take(2).Select((id, i) => new ShortlistEntry { RoundId = world.RoundId, CategoryId = world.CategoryId, NominationId = id, Position = i + 1 }));
            await db.SaveChangesAsync();
        }

        (world.JurorA, world.JurorAEmail) = await UserAsync(app, "Juris A", r => RoleGrant.Juror(r, world.CycleId, world.CategoryId, now, null));
        (world.JurorB, world.JurorBEmail) = await UserAsync(app, "Juris B", r => RoleGrant.Juror(r, world.CycleId, world.CategoryId, now, null));
        return world;
    }

    public static async Task<(string Id, string Email)> UserAsync(AwardVoteApp app, string name, Func<string, RoleGrant>? grant = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"juror-{Guid.NewGuid():N}@zurija.example";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (grant is not null)
        {
            db.RoleGrants.Add(grant(user.Id));
            await db.SaveChangesAsync();
        }
        return (user.Id, email);
    }
}
