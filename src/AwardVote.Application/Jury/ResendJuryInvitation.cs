using System.Text.Json;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// An administrator sends a jury invitation not yet answered again (lost in a spam folder, or expired): a new link,
/// valid for <see cref="InviteJuror.ValidDays"/> days from now; the old link stops working, since only the new
/// token's hash is kept. The new token, the mail and the audit entry are one save.
/// </summary>
public sealed class ResendJuryInvitation(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links, TimeProvider clock)
    : IUseCase
{
    public async Task<Outcome<Invitation>> RunAsync(int cycleId, int categoryId, int invitationId, string resenderUserId,
        CancellationToken cancellationToken)
    {
        var found = await UnansweredJuryInvitation.FindAsync(db, cycleId, categoryId, invitationId, cancellationToken);
        if (found.Value is not { } invitation)
            return Outcome<Invitation>.Refused(found.Refusals);
        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == cycleId, cancellationToken);
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == categoryId, cancellationToken);

        var (token, tokenHash) = OneTimeToken.Create();
        var before = invitation.ExpiresAt;
        invitation.TokenHash = tokenHash;
        invitation.ExpiresAt = clock.GetUtcNow().AddDays(InviteJuror.ValidDays);
        audit.Record("jury.invitation-resent", nameof(Category), categoryId,
            before: new { InvitationId = invitation.Id, ExpiresAt = before },
            after: new { InvitationId = invitation.Id, invitation.Email, invitation.ExpiresAt }, cycleId: cycleId);
        await JuryInvitationMailer.QueueAsync(db, outbox, links, cycle, category, invitation, await InviteeNameAsync(invitation, cancellationToken),
            resenderUserId, token, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.InvitationUsed);
        }
        mail.DeliverSoon();
        return invitation;
    }

    /// <summary>
    /// The name the invitation was sent to: the invitation keeps only the address, its audit entry the name too.
    /// The account's name, or the address, when no entry has it.
    /// </summary>
    private async Task<string> InviteeNameAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        var entityId = invitation.CategoryId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "jury.juror-invited" && a.EntityId == entityId && a.CycleId == invitation.CycleId && a.After != null)
            .OrderByDescending(a => a.Id).Select(a => a.After!).ToListAsync(cancellationToken);
        foreach (var after in entries)
        {
            using var json = JsonDocument.Parse(after);
            if (json.RootElement.TryGetProperty("Email", out var email) && string.Equals(email.GetString(), invitation.Email, StringComparison.OrdinalIgnoreCase)
                && json.RootElement.TryGetProperty("Name", out var name) && name.GetString() is { Length: > 0 } found)
                return found;
        }
        return await db.Users.Where(u => u.NormalizedEmail == invitation.Email.ToUpperInvariant()).Select(u => u.DisplayName)
            .FirstOrDefaultAsync(cancellationToken) ?? invitation.Email;
    }
}
