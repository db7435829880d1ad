using System.Text;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AwardVote.Application.Accounts;

/// <summary>The owner of an address opens the mailed confirmation link; the account may then sign in.</summary>
public sealed class ConfirmEmail(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(string? userId, string? code, CancellationToken cancellationToken)
    {
        var invalidLink = Refusal.Invalid("code", RefusalCode.ConfirmationLinkNotValid);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user)
            return invalidLink;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return invalidLink;
        }
        // The confirmation and its audit entry commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
            return invalidLink;
        audit.Record("account.email-confirmed", "User", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
