using System.Security.Claims;

namespace AwardVote.Web.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in account's id; only call where authorization already requires a signed-in user.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    public static bool IsAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);
}
