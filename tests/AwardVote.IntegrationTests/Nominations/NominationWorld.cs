using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// A cycle open for nominations and libraries with representatives, made fresh for each test (unique names), so
/// tests sharing one app do not see each other's data.
/// </summary>
public sealed class NominationWorld(AwardVoteApp app)
{
    public const string Password = "Bibliotēka-2026";

    public AwardVoteApp App => app;
    public int CycleId { get; private set; }
    public int CategoryId { get; private set; }

    public static async Task<NominationWorld> CreateAsync(AwardVoteApp app, DateTimeOffset? closesAt = null)
    {
        var world = new NominationWorld(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var cycle = new AwardCycle
        {
            Title = "Pārbaudes gada bibliotēka",
            Slug = $"test-{Guid.NewGuid():N}",
            Year = now.Year,
            Phase = CyclePhase.NominationsOpen,
            StatuteLockedAt = now.AddDays(-1),
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
            EligibilityRules = [new EligibilityRule { Order = 1, Text = "Publiskā bibliotēka" }],
            Schedule = PhasePlan.NewSchedule(1),
        };
        foreach (var step in cycle.Schedule)
        {
            step.StartsAt = step.Phase switch
            {
                CyclePhase.NominationsOpen => now.AddDays(-1),
                CyclePhase.EligibilityReview => closesAt ?? now.AddDays(30),
                _ => null,
            };
        }
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        world.CycleId = cycle.Id;
        world.CategoryId = cycle.Categories[0].Id;
        return world;
    }

    /// <summary>A library with one confirmed representative; returns the library id and the representative's e-mail.</summary>
    public async Task<(int LibraryId, string Email)> LibraryAsync(string name, LibraryStatus status = LibraryStatus.Approved, string culture = "lv")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var library = new Library { Name = name, Region = "Vidzeme", Municipality = "Valka", RegistrationNumber = $"T{Guid.NewGuid():N}"[..20], Status = status };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        var email = $"rep-{Guid.NewGuid():N}@biblioteka.example";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Pārstāve " + name, PreferredCulture = culture };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        db.RoleGrants.Add(RoleGrant.Representative(user.Id, library.Id, DateTimeOffset.UtcNow, null));
        await db.SaveChangesAsync();
        return (library.Id, email);
    }

    public async Task<int> NominationAsync(int libraryId, string? summary = "Kopsavilkums", string? achievements = "Sasniegumi")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var nomination = new Nomination
        {
            CycleId = CycleId, CategoryId = CategoryId, LibraryId = libraryId, PublicSummary = summary, Achievements = achievements,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    public async Task<Browserless> SignedInAsync(string email)
    {
        var browser = new Browserless(app);
        await browser.SignInAsync(email, Password);
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

    public Task CloseNominationsNowAsync() => QueryAsync(db => db.PhaseSteps
        .Where(s => s.CycleId == CycleId && s.Phase == CyclePhase.EligibilityReview)
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
}
