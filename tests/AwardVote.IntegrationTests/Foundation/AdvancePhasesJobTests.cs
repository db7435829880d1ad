using AwardVote.Application.Cycles;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Foundation;

[Collection(AppsCollection.Name)]
public sealed class AdvancePhasesJobTests(Apps apps)
{
    // Long before the demo cycle's dates, so that the job leaves the demo data alone.
    private static readonly DateTimeOffset OpensAt = new(2020, 3, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosesAt = new(2020, 4, 1, 21, 0, 0, TimeSpan.Zero);

    [Theory, AllProviders]
    public async Task Opens_nominations_at_the_deadline_locks_the_statute_and_writes_an_audit_entry(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycleId = await CreateCycleAsync(app);

        Assert.Equal(0, await RunAsync(app, OpensAt.AddMinutes(-1)));
        var moved = await RunAsync(app, OpensAt.AddSeconds(1));

        Assert.True(moved >= 1);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == cycleId);
        Assert.Equal(CyclePhase.NominationsOpen, cycle.Phase);
        Assert.Equal(OpensAt.AddSeconds(1), cycle.StatuteLockedAt);
        var audit = await db.AuditEntries.SingleAsync(a => a.CycleId == cycleId);
        Assert.Equal("cycle.phase-advanced", audit.Action);
        Assert.Equal("system", audit.ActorName);
        Assert.Contains("Draft", audit.Before);
        Assert.Contains("NominationsOpen", audit.After);
    }

    [Theory, AllProviders]
    public async Task Running_twice_moves_the_cycle_once(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycleId = await CreateCycleAsync(app);
        var now = OpensAt.AddMinutes(5);

        await Task.WhenAll(RunAsync(app, now), RunAsync(app, now));
        await RunAsync(app, now);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CyclePhase.NominationsOpen, (await db.Cycles.SingleAsync(c => c.Id == cycleId)).Phase);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.CycleId == cycleId));
    }

    [Theory, AllProviders]
    public async Task Closing_nominations_freezes_every_nomination_of_the_cycle(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycleId = await CreateCycleAsync(app);
        await RunAsync(app, OpensAt.AddMinutes(1));
        var nominationId = await CreateNominationAsync(app, cycleId);

        await RunAsync(app, ClosesAt.AddMinutes(1));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CyclePhase.EligibilityReview, (await db.Cycles.SingleAsync(c => c.Id == cycleId)).Phase);
        Assert.Equal(ClosesAt.AddMinutes(1), (await db.Nominations.SingleAsync(n => n.Id == nominationId)).FrozenAt);
    }

    [Theory, AllProviders]
    public async Task Catches_up_over_several_passed_deadlines_but_stops_where_a_phase_has_no_date(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycleId = await CreateCycleAsync(app);

        // Judging opened and closed long ago; counting has no date of its own here (the counting job moves it).
        await RunAsync(app, new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == cycleId);
        Assert.Equal(CyclePhase.Judging, cycle.Phase);
        Assert.Equal(1, cycle.RoundNumber);
    }

    private static async Task<int> RunAsync(AwardVote.Tests.AwardVoteApp app, DateTimeOffset now)
    {
        await using var scope = app.Scope();
        var clock = new FakeTimeProvider(now);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = ActivatorUtilities.CreateInstance<AdvancePhasesJob>(scope.ServiceProvider, clock, new AuditLog(db, clock, new SystemAuditActor()));
        return await job.RunAsync(CancellationToken.None);
    }

    private static async Task<int> CreateCycleAsync(AwardVote.Tests.AwardVoteApp app) =>
        (await new CycleBuilder().Slug("test").Year(2020).WithCategory("Gada bibliotēka").WithoutCriteria()
            .Starts(CyclePhase.NominationsOpen, OpensAt).Starts(CyclePhase.EligibilityReview, ClosesAt).Starts(CyclePhase.Judging, ClosesAt.AddDays(14))
            .CreateAsync(app)).Id;

    private static async Task<int> CreateNominationAsync(AwardVote.Tests.AwardVoteApp app, int cycleId)
    {
        var categoryId = await app.QueryAsync(db => db.Categories.Where(c => c.CycleId == cycleId).Select(c => c.Id).SingleAsync());
        return (await new NominationBuilder(cycleId, categoryId).Of(new LibraryBuilder("Pārbaudes bibliotēka"))
            .Summary(null).Achievements("Paveikts.").CreateAsync(app)).Id;
    }
}
