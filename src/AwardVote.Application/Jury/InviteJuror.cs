using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

public sealed class InviteJurorInput
{
    [Required(ErrorMessage = "Enter the juror's name.")]
    [StringLength(200, ErrorMessage = "The name is too long.")]
    [Display(Name = "Juror's name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the juror's e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "Juror's e-mail")]
    public string Email { get; set; } = "";

    [Display(Name = "Invite as the chair of the jury")]
    public bool AsChair { get; set; }

    /// <summary>Send even to a reserved or test domain (<see cref="ReservedEmailDomains"/>), which is refused otherwise.</summary>
    [Display(Name = "Send it to this address anyway")]
    public bool ConfirmReservedDomain { get; set; }
}

/// <summary>
/// An administrator invites someone to a cycle's jury panel, as a juror or as its chair: a one-time link by e-mail
/// (the same link and acceptance as a library's invitations), valid for <see cref="ValidDays"/> days. An address at a
/// reserved or test domain is refused unless the input confirms it: a refusal with an override rather than a page-only
/// warning, so the API client is stopped the same way, while a demo or a rehearsal can still send there on purpose.
/// </summary>
public sealed class InviteJuror(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
{
    public const int ValidDays = 14;

    public async Task<Outcome<Invitation>> RunAsync(int cycleId, int categoryId, string inviterUserId, InviteJurorInput input,
        CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        var category = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == categoryId && c.CycleId == cycleId, cancellationToken);
        if (cycle is null || category is null)
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Invitation>.Refused(invalid);
        var email = input.Email.Trim();
        var name = input.Name.Trim();
        if (await SitsOnPanelAsync(cycleId, categoryId, email, cancellationToken))
            return Refusal.Invalid(nameof(input.Email), RefusalCode.AlreadyOnJury);
        if (!input.ConfirmReservedDomain && ReservedEmailDomains.IsReserved(email))
            return Refusal.Invalid(nameof(input.Email), RefusalCode.ReservedEmailDomain, email);

        var (token, tokenHash) = OneTimeToken.Create();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Email = email,
            Role = input.AsChair ? ScopedRole.Chair : ScopedRole.Juror,
            CycleId = cycleId,
            CategoryId = categoryId,
            TokenHash = tokenHash,
            InvitedAt = now,
            ExpiresAt = now.AddDays(ValidDays),
            InvitedByUserId = inviterUserId,
        };
        db.Invitations.Add(invitation);
        audit.Record("jury.juror-invited", nameof(Category), categoryId,
            after: new { invitation.Email, Name = name, invitation.Role, invitation.ExpiresAt }, cycleId: cycleId);

        await JuryInvitationMailer.QueueAsync(db, outbox, links, cycle, category, invitation, name, inviterUserId, token, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return invitation;
    }

    private Task<bool> SitsOnPanelAsync(int cycleId, int categoryId, string email, CancellationToken cancellationToken) =>
        (from grant in db.RoleGrants
         where grant.CycleId == cycleId && grant.CategoryId == categoryId && (grant.Role == ScopedRole.Juror || grant.Role == ScopedRole.Chair)
         join user in db.Users on grant.UserId equals user.Id
         where user.NormalizedEmail == email.ToUpperInvariant()
         select grant.Id).AnyAsync(cancellationToken);
}
