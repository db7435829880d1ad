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
}
