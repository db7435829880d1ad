using System.ComponentModel.DataAnnotations;
using System.Text;
using AwardVote.Application.Validation;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AwardVote.Application.Accounts;

public sealed class RequestPasswordResetInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";
}

/// <summary>
/// Someone asks for a link to choose a new password. The answer is the same whether the address has a confirmed
/// account or not, and so is the work before it: a reset token is made and the address's recent mails are counted
/// either way. The link comes from the configured public address (whoever asks chooses the request's Host header,
/// and the link carries the reset code), and an address gets few such mails a day (<see cref="AccountMail"/>).
/// </summary>
public sealed class RequestPasswordReset(UserManager<AppUser> users, AppDbContext db, AccountMail mail, PublicLinks links) : IUseCase
{
    public async Task<Outcome> RunAsync(RequestPasswordResetInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        var email = input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var confirmed = user is { EmailConfirmed: true };
        // An unknown address gets a token for nobody, made the same way, so both take the same time.
        var token = await users.GeneratePasswordResetTokenAsync(confirmed ? user! : new AppUser { SecurityStamp = Guid.NewGuid().ToString() });
        var underLimit = await mail.UnderLimitAsync(email, cancellationToken);
        if (!confirmed || !underLimit)
            return Outcome.Done;
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        await mail.QueuePasswordResetAsync(user!, links.To($"/Account/ResetPassword?email={Uri.EscapeDataString(user!.Email!)}&code={code}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return Outcome.Done;
    }
}
