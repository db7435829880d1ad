using System.Security.Claims;
using AwardVote.Web.Security;

namespace AwardVote.Web.Judging;

public static class PanelAccess
{
    /// <summary>
    /// Who runs a panel: its chair or an administrator. Checked by every handler of the chair's pages and API,
    /// on the server, from the grants as they are now.
    /// </summary>
    public static async Task<bool> CanManageAsync(this JuryMembership jury, ClaimsPrincipal user, int cycleId, int categoryId) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsAdministrator() || await jury.IsChairAsync(user.UserId(), cycleId, categoryId));
}
