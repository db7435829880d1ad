using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Performance;

/// <summary>
/// How many database commands the heaviest pages send (tests/Shared/QueryCounter.cs): under a ceiling, and — where a
/// list grows — the same with more rows, so no page asks the database once per row (N+1). Counts, never timings:
/// speed is measured in bench/.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class QueryCeilingTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_administrator_s_library_list_asks_the_database_as_often_with_more_libraries(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.SignedInAdministratorAsync();
        var before = await CountAsync(app, admin, "/Admin/Libraries");
        for (var i = 0; i < 6; i++)
            await new LibraryBuilder().CreateAsync(app);
        var after = await CountAsync(app, admin, "/Admin/Libraries");
        Assert.Equal(before, after);
        Assert.InRange(after, 1, Ceiling.AdminLibraries);
    }

    [Theory, AllProviders]
    public async Task The_juror_s_desk_and_nomination_stay_under_their_ceilings(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var world = await JudgingScenario.CreateAsync(app);
        using var juror = await app.SignedInAsync(world.JurorAEmail, JudgingScenario.Password);
        Assert.InRange(await CountAsync(app, juror, $"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}"), 1, Ceiling.JurorDesk);
        Assert.InRange(await CountAsync(app, juror, $"/Jury/Nomination?id={world.NominationIds[0]}"), 1, Ceiling.JurorNomination);
    }

    [Theory, AllProviders]
    public async Task The_audit_list_and_the_public_pages_stay_under_their_ceilings(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.SignedInAdministratorAsync();
        Assert.InRange(await CountAsync(app, admin, "/Admin"), 1, Ceiling.AuditList);
        using var visitor = new Browserless(app);
        Assert.InRange(await CountAsync(app, visitor, "/Laureates"), 0, Ceiling.PublicPage);
        Assert.InRange(await CountAsync(app, visitor, "/Cycles"), 0, Ceiling.PublicPage);
        Assert.InRange(await CountAsync(app, visitor, "/"), 0, Ceiling.PublicPage);
    }

    /// <summary>What each page sent when these tests were written, with a little room; raise one only with a reason.</summary>
    private static class Ceiling
    {
        public const int AdminLibraries = 8;
        public const int JurorDesk = 22;
        /// <summary>35 today for three nominations and two criteria: the first to look at for issue 18.</summary>
        public const int JurorNomination = 40;
        public const int AuditList = 14;
        public const int PublicPage = 5;
    }

    private static async Task<int> CountAsync(AwardVoteApp app, Browserless browser, string url)
    {
        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(QueryCounter.Header, id);
        using var response = await browser.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var count = app.Queries.CountOf(id);
        return count;
    }
}
