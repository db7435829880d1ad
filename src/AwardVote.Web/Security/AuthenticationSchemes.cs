using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Web.Security;

/// <summary>
/// Pages sign in with Identity's cookie, scripts with the bearer token from /api/auth. One default scheme picks
/// between them per request, so every page and endpoint accepts both and a browser is still sent to the login page.
/// </summary>
public static class AuthenticationSchemes
{
    public const string CookieOrBearer = "CookieOrBearer";

    public static void Select(PolicySchemeOptions options) =>
        options.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme;
}
