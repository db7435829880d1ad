using System.Security.Claims;
using AwardVote.Application;
using AwardVote.Application.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AwardVote.Web.Security;

/// <summary>
/// Part of the administrator's and the chair's policies: someone who holds such a role signed in with a second
/// factor (a code from the authenticator app, or a passkey), not the password alone, so a stolen or guessed password
/// opens none of their pages. The sign-in's method is Identity's "amr" claim, in the cookie and the bearer token alike.
/// </summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement;

public sealed class SecondFactorAuthorizationHandler(NeedsSecondFactor needs) : AuthorizationHandler<SecondFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return;
        if (SecondFactorClaims.SignedInWithSecondFactor(context.User) || !await needs.RunAsync(context.User.UserId()))
            context.Succeed(requirement);
    }
}

/// <summary>
/// An administrator signed in with the password alone is no administrator in this request: the role claim is taken
/// out, so no check anywhere that asks "is this an administrator?" (a draft cycle, another library's invitations)
/// lets the password alone through, not only the pages behind <see cref="Policies.Administrator"/>.
/// </summary>
public sealed class SecondFactorClaims(IOptions<SecondFactorOptions> options) : IClaimsTransformation
{
    public const string NeedsSecondFactorClaim = "awardvote:needs-second-factor";

    /// <summary>Identity's sign-in methods that include a second factor: the authenticator's or recovery code, a passkey.</summary>
    private static readonly string[] SecondFactorMethods = ["mfa", "passkey"];

    public static bool SignedInWithSecondFactor(ClaimsPrincipal user) =>
        user.Claims.Any(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod && SecondFactorMethods.Contains(c.Value));

    /// <summary>
    /// The cookie is checked against the security stamp on every request, and Identity then rebuilds the principal
    /// from the database, which forgets how this sign-in was made: kept here, or every request after the first would
    /// count as a sign-in with the password alone.
    /// </summary>
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.Identity is ClaimsIdentity current && context.NewPrincipal?.Identity is ClaimsIdentity fresh)
        {
            foreach (var method in current.FindAll(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod).ToList())
            {
                if (!fresh.HasClaim(method.Type, method.Value))
                    fresh.AddClaim(new Claim(method.Type, method.Value));
            }
        }
        return Task.CompletedTask;
    }

    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (!options.Value.RequireSecondFactor || !principal.IsInRole(Roles.Administrator) || SignedInWithSecondFactor(principal)
            || principal.HasClaim(c => c.Type == NeedsSecondFactorClaim))
        {
            return Task.FromResult(principal);
        }
        var transformed = principal.Clone();
        foreach (var identity in transformed.Identities)
        {
            foreach (var role in identity.FindAll(c => c.Type == identity.RoleClaimType && c.Value == Roles.Administrator).ToList())
                identity.RemoveClaim(role);
        }
        (transformed.Identity as ClaimsIdentity)?.AddClaim(new Claim(NeedsSecondFactorClaim, "true"));
        return Task.FromResult(transformed);
    }
}

/// <summary>
/// A "no" because the second factor is missing says so: a page sends the person to the page that sets one up, the
/// API answers 403 with the reason (<see cref="RefusalCode.SecondFactorRequired"/>) instead of a bare status.
/// </summary>
public sealed class SecondFactorAnswer : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPage = "/Account/Manage/TwoFactor";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<SecondFactorRequirement>().Any() != true)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var refusal = new Refusal(RefusalCode.SecondFactorRequired, RefusalKind.Forbidden, null, []);
            await TypedResults.Problem(
                    detail: RefusalText.Describe(refusal, l),
                    statusCode: StatusCodes.Status403Forbidden,
                    extensions: new Dictionary<string, object?> { ["code"] = refusal.Code.ToString() })
                .ExecuteAsync(context);
            return;
        }
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{SetupPage}?required=true&returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}

public static class SecondFactorSetup
{
    /// <summary>The second-factor rule: its setting (Security:RequireSecondFactor, on by default), check and answer.</summary>
    public static IServiceCollection AddSecondFactorRule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecondFactorOptions>(configuration.GetSection(SecondFactorOptions.Section));
        services.AddScoped<IAuthorizationHandler, SecondFactorAuthorizationHandler>();
        services.AddSingleton<IClaimsTransformation, SecondFactorClaims>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SecondFactorAnswer>();
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SecondFactorClaims.KeepSignInMethod);
        return services;
    }
}

public static class AccountManagementConventions
{
    public const string Folder = "/Account/Manage";

    /// <summary>
    /// /Account/Manage needs a signed-in person. AllowAnonymousToFolder("/Account") would win over an Authorize on the
    /// subfolder, so the subfolder's anonymity is taken away first.
    /// </summary>
    public static void AuthorizeAccountManagement(this Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection conventions) =>
        conventions.AddFolderApplicationModelConvention(Folder, model =>
        {
            foreach (var anonymous in model.EndpointMetadata.OfType<IAllowAnonymous>().ToList())
                model.EndpointMetadata.Remove(anonymous);
            model.EndpointMetadata.Add(new AuthorizeAttribute(Policies.SignedIn));
        });
}
