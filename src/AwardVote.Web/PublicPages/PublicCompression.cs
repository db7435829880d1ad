using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;

namespace AwardVote.Web.PublicPages;

/// <summary>
/// Compression, also over HTTPS, for what carries no secret: the stylesheet and scripts, and the public pages
/// (<see cref="PublicPageCachePolicy"/>: home, cycles, results, laureates, robots.txt, the sitemap) as an anonymous
/// reader gets them, which hold no anti-forgery token, no session and nothing personal. Everything else, and every
/// page for a signed-in person, goes uncompressed: a compressed answer that holds a secret (an anti-forgery token,
/// a juror's scores) next to text from the request leaks the secret to someone who can make a victim's browser ask
/// many times and watch the answers' sizes (BREACH).
/// </summary>
public static class PublicCompression
{
    public static IServiceCollection AddPublicCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.AddSingleton<IResponseCompressionProvider>(sp =>
            new PublicOnlyCompression(new ResponseCompressionProvider(sp, sp.GetRequiredService<IOptions<ResponseCompressionOptions>>())));
        return services;
    }

    /// <summary>Whether an answer may be compressed: it is a static file, or a public page read anonymously that sets no cookie.</summary>
    public static bool HoldsNoSecret(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        // The stylesheet and scripts are the same for everyone; MapStaticAssets sends them compressed already where
        // the build left compressed copies beside them (a published app), this compresses them where it did not.
        if (endpoint?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            || context.Response.ContentType is { } type && (type.StartsWith("text/css", StringComparison.Ordinal) || type.StartsWith("text/javascript", StringComparison.Ordinal)))
            return true;
        return context.User.Identity?.IsAuthenticated != true
               && context.Response.Headers.SetCookie.Count == 0
               && endpoint?.Metadata.GetOrderedMetadata<OutputCacheAttribute>().Any(a => a.PolicyName == PublicPageCachePolicy.Name) == true;
    }

    private sealed class PublicOnlyCompression(ResponseCompressionProvider inner) : IResponseCompressionProvider
    {
        public ICompressionProvider? GetCompressionProvider(HttpContext context) => inner.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) => HoldsNoSecret(context) && inner.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
    }
}
