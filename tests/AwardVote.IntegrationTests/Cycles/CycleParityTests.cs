using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Cycles;

/// <summary>The cycle pages and the API run the same use cases: the same input is refused the same way on both.</summary>
[Collection(AppsCollection.Name)]
public sealed class CycleParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_cycle_for_a_year_out_of_range_is_refused_alike(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var browser = await app.SignedInAdministratorAsync();
        using var client = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        var slug = Unique.Slug("gads", 40);

        using var page = await browser.SubmitFormAsync("/Admin/Cycles/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Gada bibliotēka", ["Input.Year"] = "1999", ["Input.Slug"] = slug,
        });
        using var api = await client.PostAsJsonAsync("/api/admin/cycles/", new { title = "Gada bibliotēka", year = 1999, slug });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Ievadiet gadu no 2000 līdz 2100.");
        Assert.Equal(0, await app.QueryAsync(db => db.Cycles.CountAsync(c => c.Slug == slug)));
    }

    [Theory, AllProviders]
    public async Task Moving_a_phase_without_a_reason_is_refused_alike_and_the_phase_stays(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.EligibilityReview);
        using var browser = await app.SignedInAdministratorAsync();
        using var client = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);

        using var page = await browser.SubmitFormAsync($"/Admin/Cycles/{cycle.Id}", new Dictionary<string, string>
        {
            ["Move.Version"] = cycle.Version.ToString(), ["Move.Direction"] = "back", ["Move.Reason"] = " ",
        }, $"/Admin/Cycles/{cycle.Id}?handler=Move");
        using var api = await client.PostAsJsonAsync($"/api/admin/cycles/{cycle.Id}/phase", new { version = cycle.Version, direction = "back", reason = " " });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var onPage = Parity.FormErrors(await page.Content.ReadAsStringAsync());
        var inApi = await Parity.ProblemMessagesAsync(api);
        Assert.NotEmpty(inApi);
        Assert.All(inApi, message => Assert.Contains(message, onPage));
        Assert.Equal(CyclePhase.EligibilityReview, (await CycleData.LoadAsync(app, cycle.Id)).Phase);
    }

    [Theory, AllProviders]
    public async Task A_statute_saved_over_someone_elses_change_is_refused_alike(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var browser = await app.SignedInAdministratorAsync();
        using var client = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        var page = await browser.GetPageAsync($"/Admin/Cycles/{cycle.Id}/Categories");
        // Someone else saves the cycle after both read it.
        await app.ExecuteAsync(db => db.Cycles.Where(c => c.Id == cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, Guid.NewGuid())));

        using var onPage = await browser.Http.PostAsync($"/Admin/Cycles/{cycle.Id}/Categories", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page),
            ["Input.Version"] = cycle.Version.ToString(),
            ["Input.Categories[0].Id"] = cycle.Categories[0].Id.ToString(CultureInfo.InvariantCulture),
            ["Input.Categories[0].Name"] = "Pilsētu bibliotēkas",
        }));
        using var api = await client.PutAsJsonAsync($"/api/admin/cycles/{cycle.Id}/statute", new
        {
            version = cycle.Version, title = "Pārbaudes balva", secrecy = "HiddenUntilRoundCloses", nomineesPublicAfterNominationsClose = true,
            feedbackToNominees = true, reminderDaysBeforeClose = "1",
            winRule = new { minimumFirstPlaces = (int?)null, minimumLead = (decimal?)null },
            peoplesChoice = new { enabled = false, eligibility = "AnyConfirmedEmail", allowance = "OnePerCategory", liveCount = false },
            categories = new[] { new { id = cycle.Categories[0].Id, name = "Pilsētu bibliotēkas" } },
            criteria = new[]
            {
                new { id = 0, name = "Sadarbība", weight = 1m, scaleMin = 1, scaleMax = 2, isOptional = false,
                    labels = new[] { new { value = 1, label = "vāji", labelEn = (string?)null }, new { value = 2, label = "labi", labelEn = (string?)null } } },
            },
            rounds = new[] { new { kind = "Score", method = "WeightedMean", shortlistSize = (int?)null, allowEqualRanks = false } },
            tieBreakChain = Array.Empty<object>(), eligibilityRules = Array.Empty<object>(),
        });

        Assert.Equal(HttpStatusCode.OK, onPage.StatusCode);
        Assert.True(api.StatusCode == HttpStatusCode.Conflict, await api.Content.ReadAsStringAsync());
        const string message = "Kamēr jūs labojāt, kāds cits mainīja šo ciklu.";
        Assert.Contains(message, WebUtility.HtmlDecode(await onPage.Content.ReadAsStringAsync()));
        Assert.Contains(await Parity.ProblemMessagesAsync(api), m => m.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal("CycleChangedMeanwhile", await Parity.ProblemCodeAsync(api));
        Assert.NotEqual("Pilsētu bibliotēkas", (await CycleData.LoadAsync(app, cycle.Id)).Categories[0].Name);
    }
}
