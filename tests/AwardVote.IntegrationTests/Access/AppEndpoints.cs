using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// One thing a client can ask of AwardVote: a page handler (GET or a POST handler of a Razor page) or a minimal-API
/// route and verb. <see cref="Key"/> is how the matrix file names it: <c>POST /Nominations/Edit?handler=Save</c>,
/// <c>PUT /api/nominations/{id:int}</c>; ANY for a route that takes every verb (/health, /jobs).
/// </summary>
/// <param name="AcceptsBody">An API endpoint that reads a JSON body.</param>
/// <param name="IgnoresAntiforgery">A page that takes posts without the anti-forgery token (the error page).</param>
public sealed record AppEndpoint(string Method, string Route, string? Handler, bool IsPage, bool AcceptsBody = false, bool IgnoresAntiforgery = false)
{
    public string Key => Handler is null ? $"{Method} {Route}" : $"{Method} {Route}?handler={Handler}";
}

/// <summary>Every endpoint of the running app, read from its own routing (not from a list kept by hand).</summary>
public static class AppEndpoints
{
    public static async Task<List<AppEndpoint>> ListAsync(AwardVoteApp app)
    {
        // Not the static files (MapStaticAssets: the stylesheet, scripts, icon under their names, and in Development its
        // catch-all for files added since the build), the same for everyone.
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null
                        && e.RoutePattern.RawText != "{**path:file}").ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new List<AppEndpoint>();

        // A page has one endpoint per route ("/Nominations" and "/Nominations/Index"); it is named by its shortest.
        foreach (var page in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
                     .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            var route = "/" + page.Select(e => e.RoutePattern.RawText?.Trim('/') ?? "").OrderBy(t => t.Length).First();
            var first = page.First();
            var compiled = await loader.LoadAsync(first.Metadata.GetMetadata<PageActionDescriptor>()!, first.Metadata);
            var ignoresAntiforgery = compiled.ModelTypeInfo?.GetCustomAttributes(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true).Length > 0;
            if (compiled.HandlerMethods.Count == 0)
            {
                found.Add(new AppEndpoint("GET", route, null, IsPage: true));
                continue;
            }
            foreach (var handler in compiled.HandlerMethods)
                found.Add(new AppEndpoint(handler.HttpMethod.ToUpperInvariant(), route, handler.Name, IsPage: true, IgnoresAntiforgery: ignoresAntiforgery));
        }

        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null))
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var acceptsBody = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;
            foreach (var method in methods.Count == 0 ? ["ANY"] : methods)
                found.Add(new AppEndpoint(method, route, null, IsPage: false, AcceptsBody: acceptsBody));
        }
        return found.DistinctBy(e => e.Key).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }
}
