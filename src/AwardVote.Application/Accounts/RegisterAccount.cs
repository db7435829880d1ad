using System.ComponentModel.DataAnnotations;
using System.Text;
using AwardVote.Application.Validation;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Accounts;

public sealed class RegisterAccountInput
{
    /// <summary>Letters (any alphabet) with spaces, hyphens, apostrophes and initials' dots; no "a.b" (a domain).</summary>
    public const string PersonName = @"^(?!.*\p{L}\.\p{L})[\p{L}\p{M}][\p{L}\p{M} .'’-]{0,79}$";

    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "The name is too long.")]
    // The name goes into the confirmation mail to an address nobody has shown to be theirs yet: no links, no line
    // breaks, nothing long enough to carry a message of a stranger's choice in the association's name.
    [RegularExpression(PersonName, ErrorMessage = "Enter your name with letters, spaces, hyphens and apostrophes only (at most 80 characters).")]
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

    /// <summary>"lv" or "en": the language of the person's mails.</summary>
    [Required(ErrorMessage = "Choose the language of your e-mails.")]
    [Display(Name = "Language of e-mails")]
    public string PreferredCulture { get; set; } = "";

    /// <summary>
    /// Where the person was going when they had to create an account (a jury invitation's link): carried through the
    /// confirmation mail to the sign-in, so they land there. Only a path of this site is kept; anything else is dropped.
    /// </summary>
    public string? ReturnUrl { get; set; }
}

/// <summary>
/// Someone creates an account and is sent a link to confirm the address. The answer is the same whether the address
/// is new or already has an account (then its owner is told by mail instead), so the form tells nobody who has one;
/// and the password is judged before that, for both, so a refused password tells nothing either.
/// </summary>
public sealed class RegisterAccount(UserManager<AppUser> users, AppDbContext db, AccountMail mail, AuditLog audit,
    PublicLinks links, TimeProvider clock) : IUseCase
{
    /// <summary>The page a confirmation mail links to, with the account and its token (Base64url, as Identity's API takes it).</summary>
    internal static string ConfirmationPath(AppUser user, string token, string? returnUrl = null) =>
        $"/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}"
        + (LocalPath(returnUrl) is { } path ? $"&returnUrl={Uri.EscapeDataString(path)}" : "");

    /// <summary>A path of this site ("/…", not "//host" nor "/\host", which browsers read as another site), or null.</summary>
    internal static string? LocalPath(string? url) =>
        url is { Length: > 1 and <= 1000 } && url[0] == '/' && url[1] is not ('/' or '\\') && !url.Any(char.IsControl) ? url : null;

    public async Task<Outcome> RunAsync(RegisterAccountInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (input.PreferredCulture is not (Languages.Latvian or Languages.English))
            return Refusal.Invalid(nameof(input.PreferredCulture), RefusalCode.LanguageNotOffered);
        var email = input.Email.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.DisplayName.Trim(),
            PreferredCulture = input.PreferredCulture,
            CreatedAt = clock.GetUtcNow(),
        };
        var passwordProblems = new List<Refusal>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, input.Password);
            passwordProblems.AddRange(result.Errors.Select(e => Refusal.Invalid(nameof(input.Password), RefusalCode.PasswordNotAccepted, e.Description)));
        }
        if (passwordProblems.Count > 0)
            return Outcome.Refused(passwordProblems);

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // The same answer as for a new address, after the same work (a new account's password is hashed); the
            // owner is told. A second such mail on one day is one too many.
            users.PasswordHasher.HashPassword(user, input.Password);
            await mail.QueueAccountExistsAsync(existing, links.To("/Account/ForgotPassword"), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
            mail.DeliverSoon();
            return Outcome.Done;
        }

        // The account and its confirmation mail commit together, or neither does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
            return Outcome.Refused(created.Errors.Select(e => new Refusal(RefusalCode.AccountNotCreated, RefusalKind.Invalid, null, [e.Description])));
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mail.QueueConfirmationAsync(user, links.To(ConfirmationPath(user, token, input.ReturnUrl)), cancellationToken);
        audit.Record("account.registered", "User", user.Id, after: new { user.Email, user.DisplayName, user.PreferredCulture });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.DeliverSoon();
        return Outcome.Done;
    }
}
