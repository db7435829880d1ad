using System.Globalization;
using System.Xml.Linq;
using AwardVote.Application;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.PublicPages;

/// <summary>
/// What search engines read: robots.txt (the public pages may be indexed, the rest not) and a sitemap of the public
/// pages: home, the cycles, each public cycle's page, the laureates, each announced cycle's results and the privacy
/// notice. Absolute addresses from the configured public address (<see cref="PublicLinks"/>), never from the request's
/// Host.
/// </summary>
public static class SearchEngines
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static void MapSearchEngineFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/robots.txt", (PublicLinks links) => TypedResults.Text(Robots(links), "text/plain; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicPageCachePolicy.Name);
        endpoints.MapGet("/sitemap.xml", async (AppDbContext db, PublicLinks links, CancellationToken cancellationToken) =>
                TypedResults.Text(await SitemapAsync(db, links, cancellationToken), "application/xml; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicPageCachePolicy.Name);
    }

    private static string Robots(PublicLinks links) => string.Join("\n",
        "# The public pages (home, cycles, results, laureates) may be indexed; accounts, administration, the jury and the API not.",
        "User-agent: *",
        "Disallow: /Account/",
        "Disallow: /Admin/",
        "Disallow: /Jury/",
        "Disallow: /Nominations/",
        "Disallow: /Libraries/",
        "Disallow: /api/",
        "Disallow: /Endorse/",
        "Disallow: /Invitations/",
        "Disallow: /PeoplesChoice/",
        "Disallow: /Vote/",
        "Disallow: /jobs",
        "",
        $"Sitemap: {links.To("/sitemap.xml")}",
        "");

    private static async Task<string> SitemapAsync(AppDbContext db, PublicLinks links, CancellationToken cancellationToken)
    {
        // The same cycles the public archive lists: every one that has left its draft.
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.Phase != CyclePhase.Draft)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Slug)
            .Select(c => new { c.Id, c.Slug })
            .ToListAsync(cancellationToken);
        var announced = (await db.Publications.AsNoTracking()
                .Where(p => p.PublishedAt != null)
                .Select(p => new { p.CycleId, p.PublishedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.CycleId)
            .ToDictionary(g => g.Key, g => g.Max(p => p.PublishedAt!.Value));

        var pages = new List<XElement> { Url(links, "/"), Url(links, "/Cycles"), Url(links, "/Laureates"), Url(links, "/Privacy") };
        foreach (var cycle in cycles)
        {
            pages.Add(Url(links, $"/Cycles/{Uri.EscapeDataString(cycle.Slug)}"));
            if (announced.TryGetValue(cycle.Id, out var publishedAt))
                pages.Add(Url(links, $"/Cycles/{Uri.EscapeDataString(cycle.Slug)}/Results", publishedAt));
        }
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemaps + "urlset", pages));
        return document.Declaration + "\n" + document.Root;
    }

    private static XElement Url(PublicLinks links, string path, DateTimeOffset? lastModified = null) =>
        new(Sitemaps + "url",
            new XElement(Sitemaps + "loc", links.To(path)),
            lastModified is { } at ? new XElement(Sitemaps + "lastmod", at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null);
}
