using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages;

/// <summary>The language switcher: remembers the choice in a cookie and, when signed in, on the account (for mail).</summary>
/// <remarks>
/// The token is checked here rather than by the global filter: an anonymous reader's switch only sets their own
/// language cookie, so the public pages carry no token (and stay cacheable); a signed-in person's switch changes their
/// account and must carry one.
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class CultureModel(UserManager<AppUser> users, IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(HttpContext))
            return BadRequest();
        if (!Cultures.IsSupported(culture))
            return BadRequest();
        Cultures.AppendCookie(Response, culture!);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredCulture != culture)
        {
            user.PreferredCulture = culture!;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
