using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Ballots;

/// <summary>A cycle in its first judging round: three judged nominations, two criteria, a jury of two.</summary>
public sealed class JudgingWorld(AwardVoteApp app)
{
    public const string Password = "Žūrija-Vērtē-2026";

    public AwardVoteApp App => app;
    public int CycleId { get; private set; }
    public int CategoryId { get; private set; }
    public int RoundId { get; private set; }
    public int[] CriterionIds { get; private set; } = [];
    public int[] NominationIds { get; private set; } = [];
    public string JurorA { get; private set; } = "";
    public string JurorB { get; private set; } = "";
    public string JurorAEmail { get; private set; } = "";
    public string JurorBEmail { get; private set; } = "";

    public static async Task<JudgingWorld> CreateAsync(AwardVoteApp app, bool ranked = false)
    {
        var world = new JudgingWorld(app);
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

        (world.JurorA, world.JurorAEmail) = await world.UserAsync("Juris A", r => RoleGrant.Juror(r, world.CycleId, world.CategoryId, now, null));
        (world.JurorB, world.JurorBEmail) = await world.UserAsync("Juris B", r => RoleGrant.Juror(r, world.CycleId, world.CategoryId, now, null));
        return world;
    }

    public async Task<(string Id, string Email)> UserAsync(string name, Func<string, RoleGrant>? grant = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"juror-{Guid.NewGuid():N}@zurija.example";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        if (grant is not null)
        {
            db.RoleGrants.Add(grant(user.Id));
            await db.SaveChangesAsync();
        }
        return (user.Id, email);
    }

    public async Task<Browserless> SignedInAsync(string email)
    {
        var browser = new Browserless(app);
        await browser.SignInAsync(email, Password);
        return browser;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task CloseRoundNowAsync() => QueryAsync(db => db.PhaseSteps
        .Where(s => s.CycleId == CycleId && s.Phase == CyclePhase.Counting)
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

    public Dictionary<string, string> ScoreForm(string page, int first, int second, string? comment = null) => new()
    {
        ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page),
        [$"Input.Scores[{CriterionIds[0]}]"] = first.ToString(),
        [$"Input.Scores[{CriterionIds[1]}]"] = second.ToString(),
        ["Input.Comment"] = comment ?? "",
        ["Input.Version"] = TryVersion(page),
    };

    private static string TryVersion(string page)
    {
        try { return Browserless.InputValue(page, "Input.Version"); }
        catch (InvalidOperationException) { return ""; }
    }
}
