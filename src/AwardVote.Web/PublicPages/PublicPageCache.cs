using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace AwardVote.Web.PublicPages;

public sealed class PublicPageCacheOptions
{
    public const string Section = "PublicPages";

    /// <summary>
    /// How long anonymous readers share one rendering of a public page. 0 turns the cache off. An administrator's or
    /// juror's change evicts it at once on the node that took the change; a job's change (a phase that moves at its
    /// deadline, a scheduled publication) and other nodes' changes show within this time.
    /// </summary>
    public int CacheSeconds { get; set; } = 10;
}

/// <summary>
/// The public pages (home, cycles, a cycle, its results, the laureates) are read by many and change a few times a
/// year: anonymous readers get one rendering per page, query and language for a few seconds instead of three
/// database queries and a layout each (docs/benchmarks.md, scenario 2). Only anonymous reads are cached, so nothing
/// personal is ever shared, and only complete 200 answers that set no cookie.
/// </summary>
public sealed class PublicPageCachePolicy(IOptions<PublicPageCacheOptions> options) : IOutputCachePolicy
{
    public const string Name = nameof(PublicPageCachePolicy);
    public const string Tag = "public-pages";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        var cacheable = options.Value.CacheSeconds > 0
                        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                        && context.HttpContext.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(options.Value.CacheSeconds, 1));
        context.CacheVaryByRules.QueryKeys = "*";
        // The language comes from the cookie, the query or the browser: vary by what was chosen, not by those.
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

public static class PublicPageCache
{
    public static IServiceCollection AddPublicPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicPageCacheOptions>(configuration.GetSection(PublicPageCacheOptions.Section));
        services.AddSingleton<PublicPageCachePolicy>();
        services.AddOutputCache(o => o.AddPolicy(PublicPageCachePolicy.Name, builder => builder.AddPolicy<PublicPageCachePolicy>(), excludeDefaultPolicy: true));
        return services;
    }

    /// <summary>
    /// The output cache, and its eviction after every write by a signed-in person (an administrator editing a cycle or
    /// publishing, a juror, a library): they see their change on the public pages at once. Anonymous writes (votes,
    /// letters of support) change no public page before the count.
    /// </summary>
    public static IApplicationBuilder UsePublicPageCache(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            var request = context.Request;
            if (context.User.Identity?.IsAuthenticated == true
                && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
            {
                var store = context.RequestServices.GetRequiredService<IOutputCacheStore>();
                await store.EvictByTagAsync(PublicPageCachePolicy.Tag, CancellationToken.None);
            }
        });
        return app.UseOutputCache();
    }
}
