using System.ComponentModel.DataAnnotations;
using System.Text;
using AwardVote.Application;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AwardVote.Web.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<AppUser> users, AppDbContext db, AccountMail mail, PublicLinks links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        if (await users.FindByEmailAsync(Input.Email) is { EmailConfirmed: true } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            // From the configured public address: whoever asks chooses the request's Host header, and the link
            // carries the reset code.
            mail.QueuePasswordReset(user, links.To($"/Account/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}"));
            await db.SaveChangesAsync();
            mail.DeliverSoon();
        }
        // The same answer whether or not the address has an account.
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
