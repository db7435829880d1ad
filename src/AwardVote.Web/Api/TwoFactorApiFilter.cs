using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace AwardVote.Web.Api;

/// <summary>
/// Identity's POST /api/auth/manage/2fa, held to the account page's rules: turning the authenticator on, off, or
/// minting new recovery codes goes through the same use cases (<see cref="EnableAuthenticator"/>,
/// <see cref="DisableAuthenticator"/>, <see cref="RegenerateRecoveryCodes"/>), audited, and the last two need a code
/// from the app. Identity's own endpoint turned the second factor off, or handed out recovery codes, for a bearer
/// token alone, so a stolen token could strip the factor or mint codes to sign in with later. Reading the state
/// (and Identity's own refusals of a request that makes no sense) stay Identity's.
/// </summary>
public sealed class TwoFactorApiFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path.Value?.EndsWith("/manage/2fa", StringComparison.OrdinalIgnoreCase) != true
            || context.Arguments.OfType<TwoFactorRequest>().FirstOrDefault() is not { } request
            || http.User.Identity?.IsAuthenticated != true)
        {
            return await next(context);
        }
        var services = http.RequestServices;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await users.GetUserAsync(http.User) is not { } user)
            return await next(context);
        var on = await users.GetTwoFactorEnabledAsync(user);
        var code = new SecondFactorCodeInput { Code = request.TwoFactorCode ?? "" };
        var userId = user.Id;
        var cancellationToken = http.RequestAborted;

        // The first key as the account page makes it (PrepareAuthenticator): Identity's endpoint would make it with a
        // new security stamp, which every request checks, and so end the very token that asked for the key.
        if (!on && !request.ResetSharedKey)
        {
            var prepared = await services.GetRequiredService<PrepareAuthenticator>().RunAsync(userId, cancellationToken);
            if (!prepared.Succeeded)
                return OutcomeResults.Problem(prepared, http);
        }

        if (request.Enable == true && !request.ResetSharedKey && !on)
        {
            var enabled = await services.GetRequiredService<EnableAuthenticator>().RunAsync(userId, code, cancellationToken);
            return enabled.Succeeded ? await StateAsync(services, userId, enabled.Value!) : OutcomeResults.Problem(enabled, http);
        }
        if (on && (request.Enable == false || request.ResetSharedKey))
        {
            var disabled = await services.GetRequiredService<DisableAuthenticator>().RunAsync(userId, code, cancellationToken);
            return disabled.Succeeded ? await StateAsync(services, userId, []) : OutcomeResults.Problem(disabled, http);
        }
        if (on && request.ResetRecoveryCodes)
        {
            var codes = await services.GetRequiredService<RegenerateRecoveryCodes>().RunAsync(userId, code, cancellationToken);
            return codes.Succeeded ? await StateAsync(services, userId, codes.Value!) : OutcomeResults.Problem(codes, http);
        }
        return await next(context);
    }

    /// <summary>The answer Identity's endpoint gives, read after the change.</summary>
    private static async Task<IResult> StateAsync(IServiceProvider services, string userId, IReadOnlyList<string> newCodes)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The account disappeared.");
        // DisableAuthenticator has put a new key in place of the old one; an account that never had one has none yet.
        var key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        return TypedResults.Ok(new TwoFactorResponse
        {
            SharedKey = key,
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user),
            RecoveryCodes = newCodes.Count > 0 ? newCodes.ToArray() : null,
            IsTwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user),
            IsMachineRemembered = await services.GetRequiredService<SignInManager<AppUser>>().IsTwoFactorClientRememberedAsync(user),
        });
    }
}
