using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.PeoplesChoice;

/// <summary>
/// A cycle of its own with a people's-choice vote: two categories, two eligible nominees in the first and one in
/// the second, plus a draft and an ineligible nomination that must never be offered. Unique names per test.
/// </summary>
public sealed partial class VoteWorld(AwardVoteApp app) : TestWorld(app)
{
    public int CycleId { get; private set; }
    public string Slug { get; private set; } = "";
    public int[] CategoryIds { get; private set; } = [];
    /// <summary>Alsungas and Bauskas (first category), Cesvaines (second).</summary>
    public int[] NominationIds { get; private set; } = [];
    public int DraftNominationId { get; private set; }
    public int IneligibleNominationId { get; private set; }
    public string Tag { get; } = Guid.NewGuid().ToString("N")[..8];

    public string NameOf(int index) => $"{new[] { "Alsungas", "Bauskas", "Cesvaines" }[index]} bibliotēka {Tag}";

    public static async Task<VoteWorld> CreateAsync(AwardVoteApp app, Action<PeoplesChoiceSettings>? configure = null,
        CyclePhase phase = CyclePhase.Judging)
    {
        var world = new VoteWorld(app);
        var now = DateTimeOffset.UtcNow;
        var cycle = await new CycleBuilder()
            .Titled("Skatītāju balsojuma pārbaude", "People's choice test").Slug($"vote-{world.Tag}", length: 30)
            .InPhase(phase, round: 1).StatuteLockedAt(now.AddDays(-30)).NomineesPublic()
            .WithCategory("Gada bibliotēka", "Library of the Year").WithCategory("Gada bērnu bibliotēka", "Children's library of the year")
            .WithPeoplesChoice(now.AddDays(-1), now.AddDays(7), configure)
            .CreateAsync(app);
        world.CycleId = cycle.Id;
        world.Slug = cycle.Slug;
        world.CategoryIds = cycle.Categories.OrderBy(c => c.Order).Select(c => c.Id).ToArray();

        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
            ids.Add(await world.NominationAsync(world.NameOf(i), world.CategoryIds[i < 2 ? 0 : 1], NominationStatus.Submitted, EligibilityDecision.Eligible));
        world.NominationIds = [.. ids];
        world.DraftNominationId = await world.NominationAsync($"Nepabeigtā bibliotēka {world.Tag}", world.CategoryIds[0], NominationStatus.Draft, EligibilityDecision.NotReviewed);
        world.IneligibleNominationId = await world.NominationAsync($"Neatbilstošā bibliotēka {world.Tag}", world.CategoryIds[0], NominationStatus.Submitted, EligibilityDecision.Ineligible);
        return world;
    }

    private async Task<int> NominationAsync(string name, int categoryId, NominationStatus status, EligibilityDecision eligibility) =>
        (await new NominationBuilder(CycleId, categoryId).Of(new LibraryBuilder(name).In("Zemgale"))
            .Status(status).Eligibility(eligibility).Summary($"{name}: lasītāji un kopiena").CreateAsync(App)).Id;

    public string Voter(string name = "balsotajs") => $"{name}-{Guid.NewGuid():N}@lasitaji.example";

    public Task UpdateSettingsAsync(Action<PeoplesChoiceSettings> change) => QueryAsync(async db =>
    {
        var cycle = await db.Cycles.SingleAsync(c => c.Id == CycleId);
        change(cycle.PeoplesChoice);
        return await db.SaveChangesAsync();
    });

    public Task UpdateSettingsAsync(DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) => UpdateSettingsAsync(settings =>
    {
        settings.OpensAt = opensAt ?? settings.OpensAt;
        settings.ClosesAt = closesAt ?? settings.ClosesAt;
    });

    public Task CloseVoteAsync() => UpdateSettingsAsync(closesAt: DateTimeOffset.UtcNow.AddMinutes(-1));

    public Task MoveToAsync(CyclePhase phase) =>
        QueryAsync(db => db.Cycles.Where(c => c.Id == CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, phase)));

    /// <summary>A request stored directly (as the desk stores it), for tests about links: returns its token.</summary>
    public async Task<string> AddRequestAsync(string voter, int nominationIndex, DateTimeOffset? expiresAt = null, DateTimeOffset? requestedAt = null)
    {
        var (token, hash) = OneTimeToken.Create();
        var nominationId = NominationIds[nominationIndex];
        await QueryAsync(async db =>
        {
            db.VoteRequests.Add(new VoteRequest
            {
                CycleId = CycleId, CategoryId = CategoryIds[nominationIndex < 2 ? 0 : 1], NominationId = nominationId,
                VoterEmail = VoterAddress.Normalize(voter), VoterKey = VoterAddress.Canonical(voter), TokenHash = hash, RequestedAt = requestedAt ?? DateTimeOffset.UtcNow,
                ExpiresAt = expiresAt ?? DateTimeOffset.UtcNow.AddHours(24), RequestIp = "192.0.2.10",
            });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    public Task<HttpResponseMessage> RequestAsync(HttpClient http, int nominationId, string email, string culture = "lv") =>
        http.PostAsJsonAsync($"/api/peoples-choice/{Slug}/requests?culture={culture}", new { nominationId, email });

    public Task<HttpResponseMessage> ConfirmAsync(HttpClient http, string token, string culture = "lv") =>
        http.PostAsJsonAsync($"/api/peoples-choice/{Slug}/confirm?culture={culture}", new { token });

    /// <summary>The token of the confirmation link queued for <paramref name="email"/> (the outbox holds the mail as sent).</summary>
    public async Task<string> TokenMailedToAsync(string email)
    {
        var body = await QueryAsync(db => db.Outbox.Where(m => m.ToEmail == email && m.Purpose == "peoples-choice-confirmation")
            .OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstAsync());
        return TokenIn(body);
    }

    public static string TokenIn(string text) =>
        TokenPattern().Match(text) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No vote link in: " + text);

    /// <summary>The problem's code and detail, or null for an answer that is no problem.</summary>
    public static async Task<(string Code, string Detail)?> ProblemOrNullAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? null : await ProblemAsync(response);

    public static async Task<(string Code, string Detail)> ProblemAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("code").GetString()!, json.GetProperty("detail").GetString()!);
    }

    [GeneratedRegex(@"/Vote/Confirm\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();
}
