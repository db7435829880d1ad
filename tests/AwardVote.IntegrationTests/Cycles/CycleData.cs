using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Cycles;

/// <summary>Cycles of the tests' own, with unique slugs, so that the demo cycle is never touched.</summary>
internal static class CycleData
{
    public static async Task<AwardCycle> CreateAsync(AwardVoteApp app, CyclePhase phase = CyclePhase.Draft,
        bool nomineesPublic = true, Action<AwardCycle>? configure = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = new AwardCycle
        {
            Title = "Pārbaudes balva",
            TitleEn = "Test award",
            Year = 2031,
            Slug = $"parbaudes-balva-{Guid.NewGuid():N}"[..40],
            NomineesPublicAfterNominationsClose = nomineesPublic,
            Categories = [new Category { Order = 1, Name = "Gada bibliotēka" }],
            Criteria =
            [
                new Criterion
                {
                    Order = 1, Name = "Oriģināli projekti", NameEn = "Original projects", Weight = 0.3m, ScaleMin = 1, ScaleMax = 3,
                    Levels =
                    [
                        new ScaleLevel { Value = 1, Label = "vāji" }, new ScaleLevel { Value = 2, Label = "labi" },
                        new ScaleLevel { Value = 3, Label = "izcili, dokumentēta ietekme" },
                    ],
                },
            ],
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
            EligibilityRules = [new EligibilityRule { Order = 1, Text = "Publiskā bibliotēka" }],
            Schedule = PhasePlan.NewSchedule(1),
        };
        var step = cycle.Schedule.First(s => s.Phase == phase);
        cycle.Phase = step.Phase;
        cycle.RoundNumber = step.RoundNumber;
        if (phase >= CyclePhase.NominationsOpen)
            cycle.StatuteLockedAt = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        configure?.Invoke(cycle);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle;
    }

    public static async Task<int> AddNominationAsync(AwardVoteApp app, int cycleId, string libraryName,
        NominationStatus status = NominationStatus.Submitted, EligibilityDecision eligibility = EligibilityDecision.NotReviewed)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var library = new Library { Name = libraryName, Region = "Vidzeme", RegistrationNumber = $"T-{Guid.NewGuid():N}"[..20], Status = LibraryStatus.Approved };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        var categoryId = await db.Categories.Where(c => c.CycleId == cycleId).Select(c => c.Id).FirstAsync();
        var nomination = new Nomination
        {
            CycleId = cycleId, CategoryId = categoryId, LibraryId = library.Id, Status = status, Eligibility = eligibility,
            PublicSummary = $"{libraryName}: kopiena un projekti",
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    public static async Task<AwardCycle> LoadAsync(AwardVoteApp app, int id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await Application.Cycles.StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleAsync(c => c.Id == id);
    }
}
