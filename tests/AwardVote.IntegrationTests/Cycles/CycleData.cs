using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Cycles;

/// <summary>Cycles of the tests' own, with unique slugs, so that the demo cycle is never touched.</summary>
internal static class CycleData
{
    public static Task<AwardCycle> CreateAsync(AwardVoteApp app, CyclePhase phase = CyclePhase.Draft,
        bool nomineesPublic = true, Action<AwardCycle>? configure = null)
    {
        var cycle = new CycleBuilder()
            .Titled("Pārbaudes balva", "Test award").Slug("parbaudes-balva", length: 40).Year(2031).InPhase(phase)
            .NomineesPublic(nomineesPublic)
            .WithCategory("Gada bibliotēka")
            .WithCriterion("Oriģināli projekti", weight: 0.3m, max: 3, english: "Original projects", levels: ["vāji", "labi", "izcili, dokumentēta ietekme"])
            .WithEligibilityRule("Publiskā bibliotēka");
        if (phase >= CyclePhase.NominationsOpen)
            cycle.StatuteLockedAt(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        if (configure is not null)
            cycle.With(configure);
        return cycle.CreateAsync(app);
    }

    public static async Task<int> AddNominationAsync(AwardVoteApp app, int cycleId, string libraryName,
        NominationStatus status = NominationStatus.Submitted, EligibilityDecision eligibility = EligibilityDecision.NotReviewed)
    {
        var categoryId = await app.QueryAsync(db => db.Categories.Where(c => c.CycleId == cycleId).Select(c => c.Id).FirstAsync());
        return (await new NominationBuilder(cycleId, categoryId).Of(new LibraryBuilder(libraryName))
            .Status(status).Eligibility(eligibility).Summary($"{libraryName}: kopiena un projekti").CreateAsync(app)).Id;
    }

    public static Task<AwardCycle> LoadAsync(AwardVoteApp app, int id) =>
        app.QueryAsync(db => Application.Cycles.StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleAsync(c => c.Id == id));
}
