using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Web.Accounts;
using AwardVote.Web.Localization;
using AwardVote.Application.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AwardVote.Web.Pages.Account;

public sealed class RegisterModel(
    UserManager<AppUser> users,
    AppDbContext db,
    AccountMail mail,
    Outbox outbox,
    AuditLog audit,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(200, ErrorMessage = "The name is too long.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(200, ErrorMessage = "The password is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the password.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";

        [Display(Name = "Language of e-mails")]
        public string PreferredCulture { get; set; } = "";
    }

    public void OnGet() => Input.PreferredCulture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Cultures.IsSupported(Input.PreferredCulture))
            Input.PreferredCulture = Cultures.Latvian;
        if (!ModelState.IsValid)
            return Page();

        if (await users.FindByEmailAsync(Input.Email) is { } existing)
        {
            // The same answer as for a new address, so the form does not reveal who has an account; the owner is told.
            outbox.Enqueue(new AccountExistsMail(existing.DisplayName, AbsoluteUrl("/Account/ForgotPassword")),
                existing.Email!, existing.DisplayName, existing.PreferredCulture,
                $"{existing.Id}:{clock.GetUtcNow():yyyy-MM-dd}");
            await SaveQuietlyAsync();
            mail.DeliverSoon();
            return RedirectToPage("./RegisterConfirmation");
        }

        var user = new AppUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName.Trim(),
            PreferredCulture = Input.PreferredCulture,
            CreatedAt = clock.GetUtcNow(),
        };

        // The account and its confirmation mail commit together, or neither does.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError("", error.Description);
            return Page();
        }
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        mail.QueueConfirmation(user, AbsoluteUrl($"/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={code}"));
        audit.Record("account.registered", "User", user.Id, after: new { user.Email, user.DisplayName, user.PreferredCulture });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        mail.DeliverSoon();

        return RedirectToPage("./RegisterConfirmation");
    }

    private string AbsoluteUrl(string pathAndQuery) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{pathAndQuery}";

    /// <summary>A second "account exists" mail on the same day is one too many: the unique key refuses it.</summary>
    private async Task SaveQuietlyAsync()
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
