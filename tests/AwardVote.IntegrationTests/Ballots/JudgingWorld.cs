using AwardVote.Application.Counting;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Ballots;

/// <summary>A <see cref="JudgingScenario"/> with the integration tests' helpers around it.</summary>
public sealed class JudgingWorld(AwardVoteApp app, JudgingScenario scenario) : TestWorld(app)
{
    public const string Password = JudgingScenario.Password;

    public int CycleId => scenario.CycleId;
    public int CategoryId => scenario.CategoryId;
    public int RoundId => scenario.RoundId;
    public int[] CriterionIds => scenario.CriterionIds;
    public int[] NominationIds => scenario.NominationIds;
    public string JurorA => scenario.JurorA;
    public string JurorB => scenario.JurorB;
    public string JurorAEmail => scenario.JurorAEmail;
    public string JurorBEmail => scenario.JurorBEmail;

    public static async Task<JudgingWorld> CreateAsync(AwardVoteApp app, bool ranked = false) =>
        new(app, await JudgingScenario.CreateAsync(app, ranked));

    public Task<(string Id, string Email)> UserAsync(string name, Func<string, RoleGrant>? grant = null) =>
        JudgingScenario.UserAsync(App, name, grant);

    /// <summary>The round closes by the clock and, as the counting job would a minute later, is counted.</summary>
    public async Task CloseRoundNowAsync()
    {
        await QueryAsync(db => db.PhaseSteps
            .Where(s => s.CycleId == CycleId && s.Phase == CyclePhase.Counting)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        await using var scope = App.Scope();
        await scope.ServiceProvider.GetRequiredService<CountRound>().RunAsync(CycleId, CancellationToken.None);
    }

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
