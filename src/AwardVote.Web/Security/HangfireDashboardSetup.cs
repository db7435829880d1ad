using Hangfire;
using Hangfire.Dashboard;

namespace AwardVote.Web.Security;

public static class HangfireDashboardSetup
{
    public const string Path = "/jobs";

    /// <summary>
    /// The dashboard at /jobs, for administrators only, from any browser (not only localhost): the endpoint's
    /// authorization policy decides, so Hangfire's own local-requests-only filter is replaced by none.
    /// </summary>
    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administrator, Path, new DashboardOptions
        {
            Authorization = Array.Empty<IDashboardAuthorizationFilter>(),
            AsyncAuthorization = Array.Empty<IDashboardAsyncAuthorizationFilter>(),
            DashboardTitle = "AwardVote jobs",
            AppPath = "/admin",
        });

    /// <summary>
    /// Hangfire's dashboard reads a form for its statistics and its commands whatever the request carries, and throws
    /// (a 500) when there is none: such a request gets a 415 before it reaches the dashboard. Placed after
    /// authorization, so only administrators ever get this far.
    /// </summary>
    public static IApplicationBuilder UseJobsDashboardFormGuard(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path, out var rest)
                       && (HttpMethods.IsPost(context.Request.Method) || rest.Equals("/stats", StringComparison.OrdinalIgnoreCase))
                       && !context.Request.HasFormContentType,
            refused => refused.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return Task.CompletedTask;
            }));
}
