using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>The invitation mail of <see cref="InviteJuror"/> and <see cref="ResendJuryInvitation"/>: one text, one link.</summary>
internal static class JuryInvitationMailer
{
    /// <summary>Queues the mail for the link's <paramref name="token"/>; keyed by the token, so a new link is a new mail. The caller saves.</summary>
    public static async Task QueueAsync(AppDbContext db, Outbox outbox, PublicLinks links, AwardCycle cycle, Category category,
        Invitation invitation, string name, string inviterUserId, string token, CancellationToken cancellationToken)
    {
        // Someone with an account gets the mail in their language; anyone else in Latvian, the association's.
        var email = invitation.Email;
        var culture = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
            .Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken) ?? Languages.Latvian;
        var inviterName = await db.Users.Where(u => u.Id == inviterUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        outbox.Enqueue(new JuryInvitationMail(name, inviterName, MailTexts.Pick(cycle.Title, cycle.TitleEn, culture),
                MailTexts.Pick(category.Name, category.NameEn, culture), invitation.Role == ScopedRole.Chair, email,
                links.To($"/Invitations/Accept?token={token}"), InviteJuror.ValidDays),
            email, name, culture, invitation.TokenHash[..16]);
    }
}
