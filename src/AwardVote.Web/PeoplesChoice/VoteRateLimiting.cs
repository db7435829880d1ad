using System.Threading.RateLimiting;
using AwardVote.Application.Accounts;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Infrastructure.PeoplesChoice;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.PeoplesChoice;

/// <summary>
/// At most <see cref="PeoplesChoiceOptions.RequestsPerIpPerMinute"/> vote requests a minute from one IP address, on
/// each node (ASP.NET Core's fixed-window limiter). Only posts are limited: reading the vote page is not. The
/// address-based limit lives in the database instead (<see cref="VoteDesk"/>), where every node sees it.
/// Behind a reverse proxy, configure forwarded headers so that the client's address, not the proxy's, is used.
/// </summary>
public static class VoteRateLimiting
{
    public const string RequestPolicy = "peoples-choice-requests";

    public static IServiceCollection AddVoteRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PeoplesChoiceOptions.Section).Get<PeoplesChoiceOptions>() ?? new PeoplesChoiceOptions();
        var permits = Math.Max(1, options.RequestsPerIpPerMinute);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RequestPolicy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("read"));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VoteRateLimiting))
                    .LogWarning("Requests from {Ip} to {Path} over their limit a minute", http.Connection.RemoteIpAddress, http.Request.Path);
                http.Response.Headers.RetryAfter = "60";
                // Pages get the error page (re-executed for an empty 429 body); the API gets a problem in the page's language.
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: l["Too many requests"],
                            detail: l["Too many requests from your network. Wait a minute and try again."],
                            extensions: new Dictionary<string, object?> { ["code"] = "too-many-requests" })
                        .ExecuteAsync(http);
                }
            };
        });
    }
}
