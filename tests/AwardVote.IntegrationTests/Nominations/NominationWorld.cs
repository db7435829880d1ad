using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// A cycle open for nominations and libraries with representatives, made fresh for each test (unique names), so
/// tests sharing one app do not see each other's data.
/// </summary>
public sealed class NominationWorld(AwardVoteApp app) : TestWorld(app)
{
    public const string Password = PersonBuilder.Password;

    public int CycleId { get; private set; }
    public int CategoryId { get; private set; }

    public static async Task<NominationWorld> CreateAsync(AwardVoteApp app, DateTimeOffset? closesAt = null)
    {
        var statute = new CycleBuilder()
            .Titled("Pārbaudes gada bibliotēka").Slug("test").InPhase(CyclePhase.NominationsOpen)
            .WithoutCriteria().WithEligibilityRule("Publiskā bibliotēka")
            .Timeline(open: -1, review: 30);
        if (closesAt is { } at)
            statute.Starts(CyclePhase.EligibilityReview, at);
        var cycle = await statute.CreateAsync(app);
        return new NominationWorld(app) { CycleId = cycle.Id, CategoryId = cycle.Categories[0].Id };
    }

    /// <summary>A library with one confirmed representative; returns the library id and the representative's e-mail.</summary>
    public async Task<(int LibraryId, string Email)> LibraryAsync(string name, LibraryStatus status = LibraryStatus.Approved, string culture = "lv")
    {
        var library = await new LibraryBuilder(name).In("Vidzeme", "Valka").Status(status).CreateAsync(App);
        var representative = await new PersonBuilder("Pārstāve " + name).Culture(culture).Representative(library.Id).CreateAsync(App);
        return (library.Id, representative.Email);
    }

    public async Task<int> NominationAsync(int libraryId, string? summary = "Kopsavilkums", string? achievements = "Sasniegumi") =>
        (await new NominationBuilder(CycleId, CategoryId).Of(libraryId).Summary(summary).Achievements(achievements).CreateAsync(App)).Id;

    public Task CloseNominationsNowAsync() => QueryAsync(db => db.PhaseSteps
        .Where(s => s.CycleId == CycleId && s.Phase == CyclePhase.EligibilityReview)
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
}
