using System.Net;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// The jobs dashboard answers a request it does not serve (its statistics are a posted form, not fetched) with a 4xx,
/// never a 500 (issue 15, item 15). The dashboard itself is still served: the access matrix opens /jobs to administrators.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class JobsDashboardTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_get_of_the_dashboards_stats_is_a_client_error_not_a_500(DatabaseProvider provider)
    {
        using var admin = await apps.Get(provider).SignedInAdministratorAsync();

        using var stats = await admin.Http.GetAsync("/jobs/stats");

        Assert.InRange((int)stats.StatusCode, 400, 499);
        using var noForm = await admin.Http.PostAsync("/jobs/stats", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, noForm.StatusCode);
    }
}
