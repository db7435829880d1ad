using System.Threading.RateLimiting;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace AwardVote.Web.Accounts;

/// <summary>
/// What keeps the account flows from being taken over or turned on others: a per-client limit on every post to the
/// sign-in, register, reset and confirmation endpoints (pages and /api/auth), the sign-in waits
/// (<see cref="SignInThrottle"/>), and sessions checked against the account's security stamp on every request, so
/// signing out or a new password ends them at once.
/// </summary>
public static class AccountRateLimiting
{
    public const string Policy = "accounts";

    public static IServiceCollection AddAccountProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountLimits>(configuration.GetSection(AccountLimits.Section));
        var permits = Math.Max(1, configuration.GetSection(AccountLimits.Section).Get<AccountLimits>()?.RequestsPerClientPerMinute
            ?? new AccountLimits().RequestsPerClientPerMinute);
        services.AddSingleton<SignInThrottle>();
        // Partitioned by the client's address: behind a proxy that is the forwarded one (forwarded headers), else the
        // proxy's address would be one partition for everybody. Only posts: reading the forms is not limited.
        services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read")));
        // A cookie is checked against the account's security stamp on every request, not every 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = BearerStampCheck.OnMessageReceivedAsync);
        return services;
    }
}

/// <summary>
/// ASP.NET Core's bearer tokens carry the security stamp but their handler never compares it: a token taken before
/// sign-out or a password reset would work until it expires. This compares it before the handler accepts the token,
/// and fails the authentication (a 401, as for an expired token) when the stamp has changed since.
/// </summary>
public static class BearerStampCheck
{
    public static async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket is null)
            return; // the handler refuses it itself
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is null)
            context.Fail("The session has ended: signed out or a new password since the token was issued.");
    }
}
