using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.PublicPages;

/// <summary>
/// Every page names itself in the browser's tab and in search results: the pages set their title as a localised
/// string, which the layout once read as no title at all, so nearly every page was called just "AwardVote" (issue 16,
/// item 13). The site's name after it is the association's award, not the software's (item 12).
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class PageTitleTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_page_is_titled_with_its_own_name_in_the_readers_language(DatabaseProvider provider)
    {
        using var reader = new Browserless(apps.Get(provider));

        Assert.Equal("Laureātes · Gada bibliotēka", await TitleAsync(reader, "/Laureates"));
        Assert.Equal("Gada bibliotēka · Latvijas Bibliotekāru biedrība", await TitleAsync(reader, "/"));

        using (var switched = await reader.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/Culture"))
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("Laureates · Library of the Year", await TitleAsync(reader, "/Laureates"));
    }

    private static async Task<string> TitleAsync(Browserless reader, string path)
    {
        using var page = await reader.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return WebUtility.HtmlDecode(Title().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();
}
