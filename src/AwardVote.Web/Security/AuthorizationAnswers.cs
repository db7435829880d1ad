using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Security;

/// <summary>
/// A resource-based check as a page or an endpoint answers it: nothing when the handler allows, else 403 (a page
/// sends the browser to the access-denied page). The one place the jury's pages and endpoints turn a "no" into Forbid.
/// </summary>
public static class AuthorizationAnswers
{
    /// <summary><c>if (await this.ForbidUnlessAsync(panel, PanelOperations.Manage) is { } denied) return denied;</c></summary>
    public static async Task<IActionResult?> ForbidUnlessAsync(this PageModel page, object resource, IAuthorizationRequirement requirement) =>
        await AllowsAsync(page.HttpContext, resource, requirement) ? null : page.Forbid();

    /// <summary><c>if (await http.ForbidUnlessAsync(panel, PanelOperations.Manage) is { } denied) return denied;</c></summary>
    public static async Task<IResult?> ForbidUnlessAsync(this HttpContext http, object resource, IAuthorizationRequirement requirement) =>
        await AllowsAsync(http, resource, requirement) ? null : TypedResults.Forbid();

    public static async Task<bool> AllowsAsync(this HttpContext http, object resource, IAuthorizationRequirement requirement) =>
        (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, resource, requirement)).Succeeded;
}
