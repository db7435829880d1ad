using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Nominations;
using AwardVote.IntegrationTests.Support;
using static AwardVote.IntegrationTests.Nominations.NominationApiClient;

namespace AwardVote.IntegrationTests.Journeys;

/// <summary>Issue 16, item 7: a library awaiting approval is refused its submission alike on the page and the API.</summary>
[Collection(AppsCollection.Name)]
public sealed class PendingLibraryParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_library_awaiting_approval_is_told_alike_on_the_page_and_the_api_that_it_submits_once_approved(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Mazsalacas bibliotēka", LibraryStatus.PendingApproval);
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);
        using var client = await BearerAsync(world, email);

        using var page = await NominationFormTests.PostEditAsync(browser, id, "Submit", "Kopsavilkums", "Sasniegumi");
        var onPage = await MessageAfterRedirectAsync(browser, page);
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/nominations/{id}")).GetProperty("version").GetGuid();
        using var api = await client.PostAsJsonAsync($"/api/nominations/{id}/submit", new { version });

        Assert.StartsWith("Bibliotēka vēl gaida biedrības apstiprinājumu.", onPage);
        Assert.Equal(new[] { onPage }, await Parity.ProblemMessagesAsync(api));
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("LibraryAwaitsApproval", await Parity.ProblemCodeAsync(api));
    }
}
