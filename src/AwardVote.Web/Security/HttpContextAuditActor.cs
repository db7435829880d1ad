using System.Security.Claims;
using AwardVote.Infrastructure.Auditing;

namespace AwardVote.Web.Security;

/// <summary>The signed-in person of the current request; the system when there is none (a Hangfire job).</summary>
public sealed class HttpContextAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => User?.Identity?.Name ?? "system";
}
