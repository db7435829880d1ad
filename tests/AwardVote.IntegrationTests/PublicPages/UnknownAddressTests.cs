using System.Net;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.PublicPages;

/// <summary>
/// A missing page is "not found" for a stranger too, not a sign-in page that suggests something private is there, and
/// search engines get a robots.txt (issue 16, item 13).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class UnknownAddressTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_stranger_asking_for_a_page_that_does_not_exist_is_told_so_in_Latvian(DatabaseProvider provider)
    {
        using var stranger = new Browserless(apps.Get(provider));

        using var missing = await stranger.Http.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Šajā adresē nav lapas.", await missing.Content.ReadAsStringAsync());

        using var missingApi = await stranger.Http.GetAsync("/api/no-such-endpoint");
        Assert.Equal(HttpStatusCode.NotFound, missingApi.StatusCode);

        // A private page that exists still asks to sign in.
        using var admin = await stranger.Http.GetAsync("/Admin/Libraries");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Search_engines_are_told_which_pages_are_public(DatabaseProvider provider)
    {
        using var stranger = new Browserless(apps.Get(provider));

        using var robots = await stranger.Http.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
        var text = await robots.Content.ReadAsStringAsync();
        Assert.Contains("Disallow: /Admin/", text);
        Assert.Contains("Disallow: /api/", text);
    }
}
