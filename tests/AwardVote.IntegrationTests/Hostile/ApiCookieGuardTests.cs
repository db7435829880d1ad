using System.Net;
using System.Net.Http.Json;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// Another site's page (or a sibling subdomain's, which counts as the same site for SameSite cookies) makes the
/// administrator's browser post to the API: the browser adds the sign-in cookie, but the API carries out a change
/// signed in by the cookie only when the request shows it comes from AwardVote's own pages (Security/ApiCookieGuard.cs).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ApiCookieGuardTests(Apps apps)
{
    public static TheoryData<DatabaseProvider, string?, string?> ForeignRequests()
    {
        var data = new TheoryData<DatabaseProvider, string?, string?>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            data.Add(provider, "https://evil.example", "cross-site");
            // A page on a sibling subdomain: the browser sends a SameSite=Lax cookie along.
            data.Add(provider, "http://evil.localhost", "same-site");
            // An opaque origin (a sandboxed frame, a data: page).
            data.Add(provider, "null", null);
            // Neither header: an old browser, or no browser (which signs in for a bearer token).
            data.Add(provider, null, null);
        }
        return data;
    }

    [Theory, MemberData(nameof(ForeignRequests))]
    public async Task A_foreign_page_cannot_approve_a_library_with_the_administrators_cookie(DatabaseProvider provider, string? origin, string? fetchSite)
    {
        var app = apps.Get(provider);
        var library = await new LibraryBuilder($"Svešās lapas bibliotēka {Unique.Id()[..8]}").Status(LibraryStatus.PendingApproval).CreateAsync(app);
        using var admin = await app.SignedInAdministratorAsync();
        admin.Http.DefaultRequestHeaders.Remove("Sec-Fetch-Site");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/libraries/{library.Id}/approve")
        {
            Content = new FormUrlEncodedContent([]),
        };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        using var response = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Pieprasījums tika nosūtīts no citas vietnes ar jūsu pieslēgšanās sīkdatni",
            Assert.Single(await Parity.ProblemMessagesAsync(response)));
        Assert.Equal(LibraryStatus.PendingApproval, await StatusOfAsync(app, library.Id));
    }

    [Theory, AllProviders]
    public async Task The_sites_own_pages_a_same_origin_request_a_token_and_a_bearer_token_still_work(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.SignedInAdministratorAsync();
        admin.Http.DefaultRequestHeaders.Remove("Sec-Fetch-Site");

        // What a browser says on the site's own page.
        var first = await PendingLibraryAsync(app);
        using (var request = Approve(first))
        {
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            using var response = await admin.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // An older browser: Origin alone, the site's own.
        var second = await PendingLibraryAsync(app);
        using (var request = Approve(second))
        {
            request.Headers.Add("Origin", "http://localhost");
            using var response = await admin.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A script of the site's that sends the page's anti-forgery token.
        var third = await PendingLibraryAsync(app);
        var token = Browserless.AntiforgeryToken(await admin.GetPageAsync("/Account/Login"));
        using (var request = Approve(third))
        {
            request.Headers.Add("RequestVerificationToken", token);
            using var response = await admin.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A bearer token is never added by a browser on its own: no Origin needed, and a foreign one changes nothing.
        var fourth = await PendingLibraryAsync(app);
        using var script = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using (var request = Approve(fourth))
        {
            request.Headers.Add("Origin", "https://evil.example");
            using var response = await script.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var id in new[] { first, second, third, fourth })
            Assert.Equal(LibraryStatus.Approved, await StatusOfAsync(app, id));

        // Reading is not guarded: a foreign page cannot read the answer anyway (no CORS).
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/admin/libraries/");
        read.Headers.Add("Origin", "https://evil.example");
        using var readResponse = await admin.Http.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);
    }

    private static HttpRequestMessage Approve(int id) =>
        new(HttpMethod.Post, $"/api/admin/libraries/{id}/approve") { Content = JsonContent.Create(new { }) };

    private static async Task<int> PendingLibraryAsync(AwardVoteApp app) =>
        (await new LibraryBuilder($"Gaidošā bibliotēka {Unique.Id()[..8]}").Status(LibraryStatus.PendingApproval).CreateAsync(app)).Id;

    private static Task<LibraryStatus> StatusOfAsync(AwardVoteApp app, int id) =>
        app.QueryAsync(db => db.Libraries.Where(l => l.Id == id).Select(l => l.Status).SingleAsync());
}
