using AwardVote.Infrastructure.Mail;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AwardVote.Web.Security;

/// <summary>
/// The API takes the site's sign-in cookie as well as bearer tokens, and a browser sends that cookie along with a
/// request another site's page makes. So a request that changes something (anything but GET, HEAD, OPTIONS, TRACE),
/// signed in by the cookie, must show it comes from AwardVote's own pages: <c>Sec-Fetch-Site: same-origin</c>, or an
/// <c>Origin</c> that is the public address (or the address the request came to), or a valid anti-forgery token (the
/// <c>RequestVerificationToken</c> header or form field). A browser sets Origin and Sec-Fetch-Site itself and no page
/// can forge them; SameSite=Lax alone does not help against a sibling subdomain, which counts as the same site.
/// A request with none of them is refused too: it is an old browser or not a browser, and a script outside a
/// browser signs in for a bearer token. Bearer requests are left alone: no browser adds the header by itself.
/// </summary>
public static class ApiCookieGuard
{
    public static IApplicationBuilder UseApiCookieGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!NeedsProof(context) || IsSameOrigin(context)
                || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await next();
                return;
            }
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Detail = l["This request came from another site with your sign-in cookie, so it was not carried out. Programs outside the browser sign in at /api/auth/login and send the bearer token."],
                },
            });
        });

    private static bool NeedsProof(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
             || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity is { IsAuthenticated: true }
        // With a bearer token the cookie is not read at all (AuthenticationSchemes.Select); both kinds of principal
        // carry Identity's application type, so the header, not the principal, tells them apart.
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool IsSameOrigin(HttpContext context)
    {
        var request = context.Request;
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "same-origin", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin))
            return false;
        var own = Origin(request.Scheme + "://" + request.Host.Value);
        var configured = context.RequestServices.GetRequiredService<IOptions<MailOptions>>().Value.PublicBaseUrl;
        return Origin(origin.ToString()) is { } given
               && (given == own || given == Origin(configured));
    }

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() : null;
}
