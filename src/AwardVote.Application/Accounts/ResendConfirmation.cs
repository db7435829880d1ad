using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

/// <summary>
/// Someone asks for the confirmation link again. Only an account still waiting for confirmation gets one, within the
/// address's daily limit (<see cref="AccountMail"/>); every address gets the same answer after the same work (a token
/// is made and the address's recent mails are counted either way), so the answer tells nobody who has an account.
/// </summary>
public sealed class ResendConfirmation(UserManager<AppUser> users, AppDbContext db, AccountMail mail, PublicLinks links) : IUseCase
{
    public async Task<Outcome> RunAsync(RequestPasswordResetInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        var email = input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        var waiting = user is { EmailConfirmed: false };
        var token = await users.GenerateEmailConfirmationTokenAsync(waiting ? user! : new AppUser { SecurityStamp = Guid.NewGuid().ToString() });
        var underLimit = await mail.UnderLimitAsync(email, cancellationToken);
        if (!waiting || !underLimit)
            return Outcome.Done;
        await mail.QueueConfirmationAsync(user!, links.To(RegisterAccount.ConfirmationPath(user!, token)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return Outcome.Done;
    }
}
