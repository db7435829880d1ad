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
}
