using System.Net;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.PublicPages;

/// <summary>
/// The public pages' output cache (PublicPages/PublicPageCache.cs): anonymous readers share a rendering per page and
/// language; signed-in people never get or make one; a signed-in person's write evicts it. Each test has its own app
/// with the cache on (the other tests run with it off).
/// </summary>
public sealed class PublicPageCacheTests
{
    private static AwardVoteApp CachingApp(DatabaseProvider provider) =>
        new(provider, settings: new Dictionary<string, string> { ["PublicPages:CacheSeconds"] = "600" });

    [Theory, AllProviders]
    public async Task Anonymous_readers_share_one_rendering_per_language_and_signed_in_people_never_do(DatabaseProvider provider)
    {
        await using var app = CachingApp(provider);
        using var first = new Browserless(app);
        using var second = new Browserless(app);
        using var english = new Browserless(app);
        using var admin = new Browserless(app);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);

        Assert.False(await FromCacheAsync(first, "/"));
        Assert.True(await FromCacheAsync(second, "/"));
        // The same address in another language is another page.
        using (var switched = await english.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/Culture"))
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        using (var page = await english.Http.GetAsync("/"))
        {
            Assert.Null(page.Headers.Age);
            Assert.Contains("<h1>Library of the Year</h1>", await page.Content.ReadAsStringAsync());
        }
        using (var page = await second.Http.GetAsync("/"))
            Assert.Contains("<h1>Gada bibliotēka</h1>", await page.Content.ReadAsStringAsync());
        // A signed-in page shows the person's menu: never taken from the cache, never put in it.
        Assert.False(await FromCacheAsync(admin, "/"));
        Assert.False(await FromCacheAsync(admin, "/"));
        // Other queries are other pages; a page that is not public is not cached at all.
        Assert.False(await FromCacheAsync(first, "/Cycles?page=2"));
        Assert.False(await FromCacheAsync(first, "/Account/Login"));
        Assert.False(await FromCacheAsync(second, "/Account/Login"));
    }

    [Theory, AllProviders]
    public async Task A_signed_in_persons_change_is_on_the_public_pages_at_once(DatabaseProvider provider)
    {
        await using var app = CachingApp(provider);
        using var reader = new Browserless(app);
        using var admin = new Browserless(app);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var before = await reader.GetPageAsync("/Cycles");
        Assert.True(await FromCacheAsync(reader, "/Cycles"));

        // A change the cache cannot know of (straight in the database) waits for the cache to expire …
        const string renamed = "Pārdēvēts konkurss";
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var cycle = await db.Cycles.Where(c => c.Year == 2019).SingleAsync();
            cycle.Title = renamed;
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain(renamed, await reader.GetPageAsync("/Cycles"));

        // … and any write by a signed-in person (here: the administrator's language) evicts it on this node.
        using (var switched = await admin.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "lv", ["returnUrl"] = "/" }, "/Culture"))
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.False(await FromCacheAsync(reader, "/Cycles"));
        Assert.Contains(renamed, await reader.GetPageAsync("/Cycles"));
        Assert.NotEqual(before, await reader.GetPageAsync("/Cycles"));
    }

    [Theory, AllProviders]
    public async Task The_language_switch_needs_a_token_only_from_a_signed_in_person(DatabaseProvider provider)
    {
        await using var app = CachingApp(provider);
        using var reader = new Browserless(app);
        using var admin = new Browserless(app);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var form = new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" };

        // The public page carries no token for an anonymous reader (it would set a cookie and keep the page uncached).
        Assert.DoesNotContain("__RequestVerificationToken", await reader.GetPageAsync("/"));
        using (var anonymous = await reader.Http.PostAsync("/Culture", new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains(anonymous.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        }

        // Signed in, the switch also changes the account's language (for mail): a post without the token is refused.
        Assert.Contains("__RequestVerificationToken", await admin.GetPageAsync("/"));
        using (var forged = await admin.Http.PostAsync("/Culture", new FormUrlEncodedContent(form)))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("lv", await PreferredCultureAsync(app));
        using (var real = await admin.SubmitFormAsync("/", form, "/Culture"))
            Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal("en", await PreferredCultureAsync(app));
    }

    [Theory, AllProviders]
    public async Task The_browsers_own_request_for_the_site_icon_is_served_not_sent_to_sign_in(DatabaseProvider provider)
    {
        // A browser asks for /favicon.ico beside the first page it opens. Sent to the sign-in page instead, that request
        // would hand the anonymous reader a second anti-forgery cookie at the same moment the sign-in form gets its own,
        // and the later of the two replaces the other: the form is then refused (400). Public pages carry no token now,
        // so nothing sets the cookie before those two requests race.
        await using var app = new AwardVoteApp(provider);
        using var reader = new Browserless(app);
        // The page links the icon under its fingerprinted name (MapStaticAssets); the browser asks for /favicon.ico too.
        Assert.Matches("<link rel=\"icon\" href=\"/favicon(\\.[a-z0-9]+)?\\.ico\">", await reader.GetPageAsync("/"));
        using var icon = await reader.Http.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        Assert.False(icon.Headers.Contains("Set-Cookie"));
    }

    private static async Task<bool> FromCacheAsync(Browserless browser, string url)
    {
        using var response = await browser.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The output cache says how old a copy it serves is; a fresh rendering has no Age.
        return response.Headers.Age is not null;
    }

    private static async Task<string> PreferredCultureAsync(AwardVoteApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == DemoSeeder.AdministratorEmail).Select(u => u.PreferredCulture).SingleAsync();
    }
}
