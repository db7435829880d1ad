using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Jury;

/// <summary>
/// A cycle in round 1 of judging with judged nominations and a jury, made fresh for each test (unique names and
/// addresses). The scale runs to 10000 so that a planted score is a number no page shows by accident.
/// </summary>
public sealed class JuryWorld(AwardVoteApp app)
{
    public const string Password = "Žūrija-Parole-2026";

    public AwardVoteApp App => app;
    public int CycleId { get; private set; }
    public int CategoryId { get; private set; }
    public int RoundId { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public List<int> CriterionIds { get; } = [];
    public string Panel => $"cycleId={CycleId}&categoryId={CategoryId}";

    public static async Task<JuryWorld> CreateAsync(AwardVoteApp app, bool regionIsConflict = false, DateTimeOffset? closesAt = null)
    {
        var world = new JuryWorld(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        world.ClosesAt = closesAt ?? now.AddDays(10);
        var cycle = new AwardCycle
        {
            Title = "Žūrijas pārbaudes cikls",
            TitleEn = "Jury test cycle",
            Slug = $"jury-{Guid.NewGuid():N}",
            Year = now.Year,
            Phase = CyclePhase.Judging,
            RoundNumber = 1,
            RegionIsConflict = regionIsConflict,
            StatuteLockedAt = now.AddDays(-60),
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Criteria =
            [
                new Criterion { Order = 1, Name = "Ietekme", Weight = 1m, ScaleMin = 0, ScaleMax = 10000 },
                new Criterion { Order = 2, Name = "Pieejamība", Weight = 1m, ScaleMin = 0, ScaleMax = 10000 },
            ],
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
            Schedule = PhasePlan.NewSchedule(1),
        };
        foreach (var step in cycle.Schedule)
        {
            step.StartsAt = step.Phase switch
            {
                CyclePhase.NominationsOpen => now.AddDays(-60),
                CyclePhase.EligibilityReview => now.AddDays(-30),
                CyclePhase.Judging => now.AddDays(-20),
                _ => null,
            };
        }
        // The round closes when the step after judging starts.
        var judging = cycle.Schedule.Single(s => s.Phase == CyclePhase.Judging);
        cycle.Schedule.Where(s => s.Sequence > judging.Sequence).MinBy(s => s.Sequence)!.StartsAt = world.ClosesAt;
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        world.CycleId = cycle.Id;
        world.CategoryId = cycle.Categories[0].Id;
        world.RoundId = cycle.Rounds[0].Id;
        world.CriterionIds.AddRange(cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id));
        return world;
    }

    public async Task<int> LibraryAsync(string name, string region = "Latgale", string? municipality = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var library = new Library
        {
            Name = name, Region = region, Municipality = municipality,
            RegistrationNumber = $"J{Guid.NewGuid():N}"[..20], Status = LibraryStatus.Approved,
        };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        return library.Id;
    }

    /// <summary>A submitted nomination; judged (eligible) unless said otherwise.</summary>
    public async Task<int> NominationAsync(int libraryId, bool eligible = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var nomination = new Nomination
        {
            CycleId = CycleId, CategoryId = CategoryId, LibraryId = libraryId, Status = NominationStatus.Submitted,
            Eligibility = eligible ? EligibilityDecision.Eligible : EligibilityDecision.Ineligible,
            PublicSummary = "Kopsavilkums", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    public sealed record Person(string Id, string Email, string Name);

    /// <summary>An account; with <paramref name="role"/> Juror or Chair it sits on this world's panel (a chair holds both grants).</summary>
    public async Task<Person> PersonAsync(string name, ScopedRole? role = null, int? homeLibraryId = null, int? representsLibraryId = null, string culture = "lv")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"jury-{Guid.NewGuid():N}@biblioteka.example";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredCulture = culture, HomeLibraryId = homeLibraryId };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        var now = DateTimeOffset.UtcNow;
        if (role is ScopedRole.Juror or ScopedRole.Chair)
            db.RoleGrants.Add(RoleGrant.Juror(user.Id, CycleId, CategoryId, now, null));
        if (role is ScopedRole.Chair)
            db.RoleGrants.Add(RoleGrant.Chair(user.Id, CycleId, CategoryId, now, null));
        if (representsLibraryId is { } library)
            db.RoleGrants.Add(RoleGrant.Representative(user.Id, library, now, null));
        await db.SaveChangesAsync();
        return new Person(user.Id, email, name);
    }

    /// <summary>A score ballot; complete when every criterion has a score.</summary>
    public async Task BallotAsync(Person juror, int nominationId, params int?[] scores)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ScoreBallots.Add(new ScoreBallot
        {
            RoundId = RoundId, NominationId = nominationId, JurorUserId = juror.Id, UpdatedAt = DateTimeOffset.UtcNow,
            Scores = scores.Select((s, i) => new ScoreEntry { CriterionId = CriterionIds[i], Score = s }).ToList(),
        });
        await db.SaveChangesAsync();
    }

    public Task ConflictAsync(Person juror, int nominationId, ConflictSource source, ConflictStatus status) => QueryAsync(async db =>
    {
        db.Conflicts.Add(new ConflictOfInterest
        {
            CycleId = CycleId, NominationId = nominationId, JurorUserId = juror.Id, Source = source, Status = status,
            Reason = "Pārbaude", RaisedAt = DateTimeOffset.UtcNow,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>Closes round 1 by its clock: the step after judging has started.</summary>
    public Task CloseRoundAsync() => QueryAsync(async db =>
    {
        var steps = await db.PhaseSteps.Where(s => s.CycleId == CycleId).OrderBy(s => s.Sequence).ToListAsync();
        var judging = steps.Single(s => s.Phase == CyclePhase.Judging);
        steps.First(s => s.Sequence > judging.Sequence).StartsAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        return await db.SaveChangesAsync();
    });

    public async Task<Browserless> SignedInAsync(Person person)
    {
        var browser = new Browserless(app);
        await browser.SignInAsync(person.Email, Password);
        return browser;
    }

    public async Task<Browserless> SignedInAdministratorAsync()
    {
        var browser = new Browserless(app);
        await browser.SignInAsync(AwardVote.Infrastructure.Demo.DemoSeeder.AdministratorEmail, AwardVote.Infrastructure.Demo.DemoSeeder.Password);
        return browser;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task DeliverMailAsync()
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
    }
}
