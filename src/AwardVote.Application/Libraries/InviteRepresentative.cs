using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Libraries;

public sealed class InviteRepresentativeInput
{
    [Required(ErrorMessage = "Enter the colleague's name.")]
    [StringLength(200, ErrorMessage = "The name is too long.")]
    [Display(Name = "Colleague's name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your colleague's e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "Colleague's e-mail")]
    public string Email { get; set; } = "";
}

/// <summary>
/// A representative of an approved library, or an administrator, invites a colleague to represent the library: a
/// one-time link by e-mail, valid for <see cref="ValidDays"/> days. Who may invite is the library's authorization
/// handler's rule (<c>LibraryOperations.Invite</c>), checked by the caller before this runs.
/// </summary>
public sealed class InviteRepresentative(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links,
    TimeProvider clock) : IUseCase
{
    public const int ValidDays = 14;

    public async Task<Outcome<Invitation>> RunAsync(int libraryId, string inviterUserId, InviteRepresentativeInput input,
        CancellationToken cancellationToken)
    {
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == libraryId, cancellationToken) is not { } library)
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Invitation>.Refused(invalid);
        var email = input.Email.Trim();
        var name = input.Name.Trim();
        if (await AlreadyRepresentsAsync(libraryId, email, cancellationToken))
            return Refusal.Invalid(nameof(input.Email), RefusalCode.AlreadyRepresentsLibrary);

        var (token, tokenHash) = OneTimeToken.Create();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Email = email,
            Role = ScopedRole.LibraryRepresentative,
            LibraryId = libraryId,
            TokenHash = tokenHash,
            InvitedAt = now,
            ExpiresAt = now.AddDays(ValidDays),
            InvitedByUserId = inviterUserId,
        };
        db.Invitations.Add(invitation);
        audit.Record("library.representative-invited", nameof(Library), libraryId,
            after: new { invitation.Email, Name = name, invitation.ExpiresAt });

        // A person who already has an account gets the mail in their language; anyone else in the inviter's.
        var culture = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
            .Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken) ?? Languages.Current();
        var inviterName = await db.Users.Where(u => u.Id == inviterUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "";
        outbox.Enqueue(new LibraryInvitationMail(name, inviterName, LibraryName.Of(library), email, links.To($"/Invitations/Accept?token={token}"), ValidDays),
            email, name, culture, invitation.TokenHash[..16]);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return invitation;
    }

    private Task<bool> AlreadyRepresentsAsync(int libraryId, string email, CancellationToken cancellationToken) =>
        (from grant in db.RoleGrants
         where grant.LibraryId == libraryId && grant.Role == ScopedRole.LibraryRepresentative
         join user in db.Users on grant.UserId equals user.Id
         where user.NormalizedEmail == email.ToUpperInvariant()
         select grant.Id).AnyAsync(cancellationToken);
}
