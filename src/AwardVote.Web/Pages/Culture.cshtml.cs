using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages;

/// <summary>The language switcher: remembers the choice in a cookie and, when signed in, on the account (for mail).</summary>
public sealed class CultureModel(UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
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
