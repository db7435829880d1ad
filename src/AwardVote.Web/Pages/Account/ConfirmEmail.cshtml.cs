using System.Text;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AwardVote.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user)
            return;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        Confirmed = result.Succeeded;
        if (Confirmed)
        {
            audit.Record("account.email-confirmed", "User", user.Id);
            await db.SaveChangesAsync();
        }
    }
}
