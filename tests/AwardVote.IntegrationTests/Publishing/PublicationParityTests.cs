using System.Net;
using System.Net.Http.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Publishing;

/// <summary>The citation and publication pages and the API run the same use cases: the same input is refused alike.</summary>
[Collection(AppsCollection.Name)]
public sealed class PublicationParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_blank_citation_is_refused_alike(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        using var chair = await world.App.SignedInAsync(world.Chair.Email);
        using var client = await world.App.BearerClientAsync(world.Chair.Email);

        using var page = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, "   ");
        using var api = await client.PutAsJsonAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/citation", new { citation = "   " });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, Parity.FormErrors(await page.Content.ReadAsStringAsync())[0]);
        Assert.Empty(await world.PublicationsAsync());
    }

    [Theory, AllProviders]
    public async Task Publishing_before_the_citation_is_written_is_refused_alike(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        using var admin = await world.App.SignedInAdministratorAsync();
        using var client = await world.App.BearerClientAsync(DemoSeeder.AdministratorEmail);

        using var page = await world.PressAsync(admin, "Publish", new Dictionary<string, string> { ["Confirm"] = "true" });
        using var api = await client.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/publish", new { at = (DateTimeOffset?)null, confirm = true });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        const string message = "Žūrijas pamatojums vēl nav uzrakstīts.";
        Assert.Contains(message, PublicationWorld.Body(page));
        Assert.Contains(await Parity.ProblemMessagesAsync(api), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());
    }

    [Theory, AllProviders]
    public async Task Approving_a_citation_at_a_version_no_longer_current_is_refused_alike(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        using var chair = await world.App.SignedInAsync(world.Chair.Email);
        using (var saved = await PublicationWorld.WriteCitationAsync(chair, world.CitationPage, world.Citation))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var pending = Assert.Single(await world.PublicationsAsync());
        var stale = Guid.NewGuid().ToString();
        using var admin = await world.App.SignedInAdministratorAsync();
        using var client = await world.App.BearerClientAsync(DemoSeeder.AdministratorEmail);

        using var page = await world.PressAsync(admin, "Approve", new Dictionary<string, string> { ["publicationId"] = $"{pending.Id}", ["version"] = stale });
        using var api = await client.PostAsJsonAsync($"/api/admin/publications/{pending.Id}/approve", new { version = stale });

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        var message = Assert.Single(await Parity.ProblemMessagesAsync(api));
        Assert.Contains(message, WebUtility.HtmlDecode(PublicationWorld.Body(page)));
        Assert.Null(Assert.Single(await world.PublicationsAsync()).ApprovedAt);
    }
}

