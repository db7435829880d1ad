using AwardVote.Application;
using AwardVote.Application.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Security;

/// <summary>
/// Part of the administrator's and the chair's policies: an account that holds such a role has a second factor
/// (an authenticator app or a passkey). Checked against the database on every request, so turning the factor off
/// takes effect at once, whatever the cookie or token says.
/// </summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement;

public sealed class SecondFactorAuthorizationHandler(NeedsSecondFactor needs) : AuthorizationHandler<SecondFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return;
        if (!await needs.RunAsync(context.User.UserId()))
            context.Succeed(requirement);
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
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, SecondFactorAnswer>();
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
