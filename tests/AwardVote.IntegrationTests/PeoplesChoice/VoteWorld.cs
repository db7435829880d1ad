using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.PeoplesChoice;

/// <summary>
/// A cycle of its own with a people's-choice vote: two categories, two eligible nominees in the first and one in
/// the second, plus a draft and an ineligible nomination that must never be offered. Unique names per test.
/// </summary>
public sealed partial class VoteWorld
{
    public AwardVoteApp App { get; private init; } = null!;
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
        var world = new VoteWorld { App = app };
        var now = DateTimeOffset.UtcNow;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = new AwardCycle
        {
            Title = "Skatītāju balsojuma pārbaude",
            TitleEn = "People's choice test",
            Year = now.Year,
            Slug = $"vote-{world.Tag}-{Guid.NewGuid():N}"[..30],
            Phase = phase,
            RoundNumber = 1,
            StatuteLockedAt = now.AddDays(-30),
            NomineesPublicAfterNominationsClose = true,
            Categories =
            [
                new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" },
                new Category { Order = 2, Name = "Gada bērnu bibliotēka", NameEn = "Children's library of the year" },
            ],
            Criteria = [new Criterion { Order = 1, Name = "Pakalpojumi", Weight = 1m, ScaleMin = 1, ScaleMax = 5 }],
            Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
            Schedule = PhasePlan.NewSchedule(1),
            PeoplesChoice = new PeoplesChoiceSettings
            {
                Enabled = true,
                Eligibility = VoterEligibility.AnyConfirmedEmail,
                Allowance = VoteAllowance.OnePerCategory,
                OpensAt = now.AddDays(-1),
                ClosesAt = now.AddDays(7),
            },
        };
        configure?.Invoke(cycle.PeoplesChoice);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        world.CycleId = cycle.Id;
        world.Slug = cycle.Slug;
        world.CategoryIds = cycle.Categories.OrderBy(c => c.Order).Select(c => c.Id).ToArray();

        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
            ids.Add(await world.NominationAsync(db, world.NameOf(i), world.CategoryIds[i < 2 ? 0 : 1], NominationStatus.Submitted, EligibilityDecision.Eligible));
        world.NominationIds = [.. ids];
        world.DraftNominationId = await world.NominationAsync(db, $"Nepabeigtā bibliotēka {world.Tag}", world.CategoryIds[0], NominationStatus.Draft, EligibilityDecision.NotReviewed);
        world.IneligibleNominationId = await world.NominationAsync(db, $"Neatbilstošā bibliotēka {world.Tag}", world.CategoryIds[0], NominationStatus.Submitted, EligibilityDecision.Ineligible);
        return world;
    }

    private async Task<int> NominationAsync(AppDbContext db, string name, int categoryId, NominationStatus status, EligibilityDecision eligibility)
    {
        var library = new Library { Name = name, Region = "Zemgale", RegistrationNumber = $"V{Guid.NewGuid():N}"[..20], Status = LibraryStatus.Approved };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        var nomination = new Nomination
        {
            CycleId = CycleId, CategoryId = categoryId, LibraryId = library.Id, Status = status, Eligibility = eligibility,
            PublicSummary = $"{name}: lasītāji un kopiena",
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination.Id;
    }

    public string Voter(string name = "balsotajs") => $"{name}-{Guid.NewGuid():N}@lasitaji.example";

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = App.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

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
                VoterEmail = VoterAddress.Normalize(voter), TokenHash = hash, RequestedAt = requestedAt ?? DateTimeOffset.UtcNow,
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

    public static async Task<(string Code, string Detail)> ProblemAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("code").GetString()!, json.GetProperty("detail").GetString()!);
    }

    [GeneratedRegex(@"/Vote/Confirm\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenPattern();
}
