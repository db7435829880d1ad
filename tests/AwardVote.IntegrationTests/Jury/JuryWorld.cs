using AwardVote.Application.Counting;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Jury;

/// <summary>
/// A cycle in round 1 of judging with judged nominations and a jury, made fresh for each test (unique names and
/// addresses). The scale runs to 10000 so that a planted score is a number no page shows by accident.
/// </summary>
public sealed class JuryWorld(AwardVoteApp app) : TestWorld(app)
{
    public int CycleId { get; private set; }
    public int CategoryId { get; private set; }
    public int RoundId { get; private set; }
    public DateTimeOffset ClosesAt { get; private set; }
    public List<int> CriterionIds { get; } = [];
    public string Panel => $"cycleId={CycleId}&categoryId={CategoryId}";

    public static async Task<JuryWorld> CreateAsync(AwardVoteApp app, bool regionIsConflict = false, DateTimeOffset? closesAt = null)
    {
        var statute = new CycleBuilder()
            .Titled("Žūrijas pārbaudes cikls", "Jury test cycle").Slug("jury").InPhase(CyclePhase.Judging)
            .RegionIsConflict(regionIsConflict)
            .WithCriterion("Ietekme", min: 0, max: 10000).WithCriterion("Pieejamība", min: 0, max: 10000)
            .Timeline(open: -60, review: -30, judging: -20);
        var world = new JuryWorld(app) { ClosesAt = closesAt ?? statute.Now.AddDays(10) };
        // The round closes when the step after judging starts.
        var cycle = await statute.Starts(CyclePhase.Counting, world.ClosesAt).CreateAsync(app);
        world.CycleId = cycle.Id;
        world.CategoryId = cycle.Categories[0].Id;
        world.RoundId = cycle.Rounds[0].Id;
        world.CriterionIds.AddRange(cycle.Criteria.OrderBy(c => c.Order).Select(c => c.Id));
        return world;
    }

    public async Task<int> LibraryAsync(string name, string region = "Latgale", string? municipality = null) =>
        (await new LibraryBuilder(name).In(region, municipality).CreateAsync(App)).Id;

    /// <summary>A submitted nomination; judged (eligible) unless said otherwise.</summary>
    public async Task<int> NominationAsync(int libraryId, bool eligible = true) =>
        (await new NominationBuilder(CycleId, CategoryId).Of(libraryId).Submitted()
            .Eligibility(eligible ? EligibilityDecision.Eligible : EligibilityDecision.Ineligible).CreateAsync(App)).Id;

    /// <summary>An account; with <paramref name="role"/> Juror or Chair it sits on this world's panel (a chair holds both grants).</summary>
    public Task<TestPerson> PersonAsync(string name, ScopedRole? role = null, int? homeLibraryId = null, int? representsLibraryId = null, string culture = "lv")
    {
        var person = new PersonBuilder(name).Culture(culture).WorksAt(homeLibraryId);
        if (role is ScopedRole.Juror or ScopedRole.Chair)
            person.Juror(CycleId, CategoryId);
        if (role is ScopedRole.Chair)
            person.Chair(CycleId, CategoryId);
        if (representsLibraryId is { } library)
            person.Representative(library);
        return person.CreateAsync(App);
    }

    /// <summary>A score ballot; complete when every criterion has a score.</summary>
    public Task BallotAsync(TestPerson juror, int nominationId, params int?[] scores) =>
        new ScoreBallotBuilder(RoundId, nominationId, juror.Id).Scores(CriterionIds, scores).CreateAsync(App);

    public Task ConflictAsync(TestPerson juror, int nominationId, ConflictSource source, ConflictStatus status) => ExecuteAsync(db =>
    {
        db.Conflicts.Add(new ConflictOfInterest
        {
            CycleId = CycleId, NominationId = nominationId, JurorUserId = juror.Id, Source = source, Status = status,
            Reason = "Pārbaude", RaisedAt = DateTimeOffset.UtcNow,
        });
        return db.SaveChangesAsync();
    });

    /// <summary>Closes round 1 by its clock: the step after judging has started.</summary>
    /// <summary>The round closes by the clock and, as the counting job would a minute later, is counted.</summary>
    public async Task CloseRoundAsync()
    {
        await ExecuteAsync(async db =>
        {
            var steps = await db.PhaseSteps.Where(s => s.CycleId == CycleId).OrderBy(s => s.Sequence).ToListAsync();
            var judging = steps.Single(s => s.Phase == CyclePhase.Judging);
            steps.First(s => s.Sequence > judging.Sequence).StartsAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        });
        await using var scope = App.Scope();
        await scope.ServiceProvider.GetRequiredService<CountRound>().RunAsync(CycleId, CancellationToken.None);
    }
}
