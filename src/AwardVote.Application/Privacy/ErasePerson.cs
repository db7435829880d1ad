using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Accounts;
using AwardVote.Application.Validation;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Privacy;

/// <summary>A person deletes their own account: the password again (or, without one, a code of the authenticator app) and the address typed.</summary>
public sealed class DeleteAccountInput
{
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = "";

    /// <summary>The account's e-mail address, typed: nobody deletes an account by a slip of the mouse.</summary>
    [Required(ErrorMessage = "Type your e-mail address to confirm.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "Your e-mail address, to confirm")]
    public string Confirmation { get; set; } = "";
}

/// <summary>An administrator erases an account on the person's request (a letter, a call): whose, and why.</summary>
public sealed class EraseOnRequestInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "The account's e-mail address")]
    public string Email { get; set; } = "";

    /// <summary>The request: how it came and when (kept in the audit log, without the person's name or address).</summary>
    [Required(ErrorMessage = "Write how and when the person asked for the erasure.")]
    [StringLength(1000, ErrorMessage = "The reason is too long.")]
    [Display(Name = "The request")]
    public string Reason { get; set; } = "";

    public bool Confirmed { get; set; }
}

/// <summary>What an erasure did: the pseudonym the person now has in the audit log.</summary>
public sealed record Erased(string Pseudonym);

/// <summary>
/// Erases a person's account while keeping what the award must keep, without the person (issue 17): the account and
/// every Identity row of it (sign-in tokens, used refresh tokens, logins, claims, passkeys) and its role grants go;
/// counted ballots keep their juror id — once the account is gone it names nobody, and the count's anonymous juror
/// numbers and the ballot file's hash stay what they were — but lose their comment and private notes; conflict
/// declarations stay (a recusal changes a count) without their reason; nominations, attachments and letter requests
/// stay with their library without an author; invitations and mails to the person go; people's-choice votes and
/// member-list entries keep a keyed hash of the address (one vote per mailbox still holds); the audit log keeps what
/// happened and when, with the person's stable pseudonym. One transaction with its audit entry: all of it or none.
/// </summary>
/// <remarks>
/// Refused while the award still needs the person: on the jury of a cycle whose judging has begun and whose results
/// are not published (a ballot cast, a repeat ballot or the chair's casting vote may still come; nor may an
/// administrator take a juror out mid-count this way), the only representative of a library with a nomination still
/// in progress, the author of a letter of support the jury of such a nomination reads, or the last administrator. An
/// administrator erases on request only accounts that are not administrators (an administrator's account is deleted
/// by its holder, or after the role is taken away), so that no single administrator can erase another quietly.
/// </remarks>
public sealed class ErasePerson(AppDbContext db, UserManager<AppUser> users, AuditLog audit, AuditPseudonymiser auditPseudonyms,
    Pseudonyms pseudonyms) : IUseCase
{
    /// <summary>The person deletes their own account.</summary>
    public async Task<Outcome<Erased>> RunAsync(string userId, DeleteAccountInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Erased>.Refused(invalid);
        if (await users.FindByIdAsync(userId) is not { } user)
            return Refusal.NotFound;
        if (!string.Equals(input.Confirmation.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
            return Refusal.Invalid(nameof(input.Confirmation), RefusalCode.ErasureConfirmationWrong);
        if (await users.HasPasswordAsync(user))
        {
            if (!await PasswordAgain.CheckAsync(users, user, input.Password))
                return Refusal.Invalid(nameof(input.Password), RefusalCode.PasswordWrong);
        }
        // An account without a password (made by the demo, or passkey only) proves itself with the authenticator app;
        // with neither, a password is set through "Forgot password?" first.
        else if (!await users.GetTwoFactorEnabledAsync(user))
            return Refusal.Invalid(nameof(input.Password), RefusalCode.ErasureNeedsPassword);
        else if (!await SecondFactor.ProveAsync(users, user, input.Password))
            return Refusal.Invalid(nameof(input.Password), RefusalCode.SecondFactorCodeWrong);
        return await EraseAsync(user, reason: null, byAdministrator: false, cancellationToken);
    }

    /// <summary>An administrator erases an account on the person's request.</summary>
    public async Task<Outcome<Erased>> RunAsync(EraseOnRequestInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Erased>.Refused(invalid);
        if (!input.Confirmed)
            return Refusal.Invalid(nameof(input.Confirmed), RefusalCode.ErasureNotConfirmed);
        if (await users.FindByEmailAsync(input.Email.Trim()) is not { } user)
            return Refusal.Invalid(nameof(input.Email), RefusalCode.ErasurePersonNotFound);
        if (await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.Role == ScopedRole.Administrator, cancellationToken))
            return Refusal.ConflictOn(nameof(input.Email), RefusalCode.ErasureOfAdministrator);
        return await EraseAsync(user, input.Reason.Trim(), byAdministrator: true, cancellationToken);
    }

    private async Task<Outcome<Erased>> EraseAsync(AppUser user, string? reason, bool byAdministrator, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var email = user.Email ?? "";
        var normalized = VoterAddress.Normalize(email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await StillNeededAsync(userId, normalized, cancellationToken) is { } refusal)
            return refusal;

        var ownTexts = new List<string?>();
        await KeepJudgingWithoutThePersonAsync(userId, ownTexts, cancellationToken);
        await KeepNominationsWithoutThePersonAsync(userId, normalized, cancellationToken);
        await ForgetAddressAsync(userId, email, user.DisplayName, normalized, cancellationToken);
        await DeleteAccountAsync(user, cancellationToken);

        var pseudonym = pseudonyms.Person(userId);
        audit.Record("person.erased", "User", userId, after: new { ByAdministrator = byAdministrator }, reason: reason);
        await db.SaveChangesAsync(cancellationToken);
        // After the save, so that the entry just written (and, for a person erasing themself, its actor) is pseudonymised too.
        await auditPseudonyms.PseudonymiseAsync(userId, [email, user.UserName, user.DisplayName, user.PhoneNumber], cancellationToken, ownTexts);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Erased(pseudonym);
    }

    // Phases are stored by name, so they are compared as sets, never by order.
    private static readonly CyclePhase[] JudgingNotPublished = [CyclePhase.Judging, CyclePhase.Shortlist, CyclePhase.Counting, CyclePhase.ResultsReview];

    private static readonly CyclePhase[] NotFinished =
    [
        CyclePhase.Draft, CyclePhase.NominationsOpen, CyclePhase.EligibilityReview, CyclePhase.Judging, CyclePhase.Shortlist,
        CyclePhase.Counting, CyclePhase.ResultsReview,
    ];

    /// <summary>Why the award still needs the account, or null.</summary>
    private async Task<Refusal?> StillNeededAsync(string userId, string normalized, CancellationToken cancellationToken)
    {
        // Judging has begun and the results are not published: an open round, a closed one not yet counted, a repeat
        // ballot or a casting vote to come. By grant, and by ballots too (a juror taken off the panel mid-round).
        var judging = await db.Cycles.AsNoTracking()
            .Where(c => JudgingNotPublished.Contains(c.Phase))
            .Where(c => db.RoleGrants.Any(g => g.UserId == userId && g.CycleId == c.Id && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
                || db.ScoreBallots.Any(b => b.JurorUserId == userId && db.Rounds.Any(r => r.Id == b.RoundId && r.CycleId == c.Id))
                || db.RankedBallots.Any(b => b.JurorUserId == userId && db.Rounds.Any(r => r.Id == b.RoundId && r.CycleId == c.Id)))
            .OrderBy(c => c.Id).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken);
        if (judging is not null)
            return Refusal.Conflict(RefusalCode.ErasureJurorOfOpenCycle, judging);

        if (await db.Libraries.AsNoTracking()
                .Where(l => db.RoleGrants.Any(g => g.UserId == userId && g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == l.Id))
                .Where(l => !db.RoleGrants.Any(g => g.UserId != userId && g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == l.Id))
                .Where(l => db.Nominations.Any(n => n.LibraryId == l.Id && n.Status != NominationStatus.Withdrawn
                    && db.Cycles.Any(c => c.Id == n.CycleId && NotFinished.Contains(c.Phase))))
                .OrderBy(l => l.Id).FirstOrDefaultAsync(cancellationToken) is { } library)
            return Refusal.Conflict(RefusalCode.ErasureOnlyRepresentative, LibraryName.Of(library));

        // A letter the jury of a nomination in progress reads is evidence for it: it stays until the results are out.
        if (await db.Endorsements.AsNoTracking()
                .Where(e => e.EndorserEmail.ToUpper() == normalized && e.Status == EndorsementStatus.Received)
                .Join(db.Nominations.Where(n => n.Status != NominationStatus.Withdrawn
                        && db.Cycles.Any(c => c.Id == n.CycleId && NotFinished.Contains(c.Phase))),
                    e => e.NominationId, n => n.Id, (e, n) => n.LibraryId)
                .Join(db.Libraries, id => id, l => l.Id, (_, l) => l)
                .FirstOrDefaultAsync(cancellationToken) is { } endorsed)
            return Refusal.Conflict(RefusalCode.ErasureLetterOnLiveNomination, LibraryName.Of(endorsed));

        if (await db.RoleGrants.AnyAsync(g => g.UserId == userId && g.Role == ScopedRole.Administrator, cancellationToken)
            && !await db.RoleGrants.AnyAsync(g => g.UserId != userId && g.Role == ScopedRole.Administrator, cancellationToken))
            return Refusal.Conflict(RefusalCode.ErasureLastAdministrator);
        return null;
    }

    private async Task KeepJudgingWithoutThePersonAsync(string userId, List<string?> ownTexts, CancellationToken cancellationToken)
    {
        // The juror id stays on ballots and conflicts: the count numbers jurors by it, and a recount must give the same
        // file and hash. Their own words go.
        foreach (var ballot in await db.ScoreBallots.Where(b => b.JurorUserId == userId || b.EnteredByUserId == userId).ToListAsync(cancellationToken))
        {
            if (ballot.JurorUserId == userId)
            {
                ownTexts.Add(ballot.Comment);
                ownTexts.Add(ballot.PrivateNotes);
                ballot.Comment = null;
                ballot.PrivateNotes = null;
            }
            if (ballot.EnteredByUserId == userId)
                ballot.EnteredByUserId = null;
        }
        foreach (var ballot in await db.RankedBallots.Where(b => b.EnteredByUserId == userId).ToListAsync(cancellationToken))
            ballot.EnteredByUserId = null;
        foreach (var conflict in await db.Conflicts.Where(c => c.JurorUserId == userId || c.DecidedByUserId == userId).ToListAsync(cancellationToken))
        {
            if (conflict.JurorUserId == userId && conflict.Reason != AuditPseudonymiser.Removed)
            {
                // A proposal's reason is the system's ("same region"), but a declared one is the juror's own words.
                ownTexts.Add(conflict.Reason);
                conflict.Reason = AuditPseudonymiser.Removed;
            }
            if (conflict.DecidedByUserId == userId)
                conflict.DecidedByUserId = null;
        }
        foreach (var publication in await db.Publications
                     .Where(p => p.CitationByUserId == userId || p.ApprovedByUserId == userId || p.PublishedByUserId == userId)
                     .ToListAsync(cancellationToken))
        {
            publication.CitationByUserId = publication.CitationByUserId == userId ? null : publication.CitationByUserId;
            publication.ApprovedByUserId = publication.ApprovedByUserId == userId ? null : publication.ApprovedByUserId;
            publication.PublishedByUserId = publication.PublishedByUserId == userId ? null : publication.PublishedByUserId;
        }
        // A casting vote keeps its chair's id: it is part of a counted result, and names nobody once the account is gone.
    }

    private async Task KeepNominationsWithoutThePersonAsync(string userId, string normalized, CancellationToken cancellationToken)
    {
        foreach (var nomination in await db.Nominations.Where(n => n.CreatedByUserId == userId || n.EligibilityDecidedByUserId == userId)
                     .ToListAsync(cancellationToken))
        {
            nomination.CreatedByUserId = nomination.CreatedByUserId == userId ? null : nomination.CreatedByUserId;
            nomination.EligibilityDecidedByUserId = nomination.EligibilityDecidedByUserId == userId ? null : nomination.EligibilityDecidedByUserId;
        }
        foreach (var attachment in await db.Attachments.Where(a => a.UploadedByUserId == userId).ToListAsync(cancellationToken))
            attachment.UploadedByUserId = null;
        foreach (var endorsement in await db.Endorsements
                     .Where(e => e.RequestedByUserId == userId || e.EndorserEmail.ToUpper() == normalized).ToListAsync(cancellationToken))
        {
            if (endorsement.RequestedByUserId == userId)
                endorsement.RequestedByUserId = null;
            if (VoterAddress.Normalize(endorsement.EndorserEmail) != normalized)
                continue;
            // A letter from the person's address (of a finished cycle: one in progress was refused above) goes with the
            // person; a request not yet answered is withdrawn, so its link writes nothing any more.
            endorsement.EndorserName = AuditPseudonymiser.Removed;
            endorsement.EndorserEmail = pseudonyms.Person(userId);
            endorsement.EndorserTitle = null;
            endorsement.Organisation = null;
            endorsement.Letter = endorsement.Letter is null ? null : AuditPseudonymiser.Removed;
            if (endorsement.Status == EndorsementStatus.Requested)
                endorsement.Status = EndorsementStatus.Revoked;
        }
    }

    private async Task ForgetAddressAsync(string userId, string email, string displayName, string normalized, CancellationToken cancellationToken)
    {
        var pseudonym = pseudonyms.Person(userId);
        db.Invitations.RemoveRange(await db.Invitations
            .Where(i => i.Email.ToUpper() == normalized || i.AcceptedByUserId == userId).ToListAsync(cancellationToken));
        foreach (var invitation in await db.Invitations.Where(i => i.InvitedByUserId == userId && i.AcceptedByUserId != userId)
                     .ToListAsync(cancellationToken))
            invitation.InvitedByUserId = null;
        // Mail to the person goes, sent or not (no goodbye mail either: its address would have to stay).
        db.Outbox.RemoveRange(await db.Outbox.Where(m => m.ToEmail.ToUpper() == normalized).ToListAsync(cancellationToken));
        // Mail to others that names the person (a conflict declared, to the chair) and is not sent yet: a sent one's body
        // is gone already (DeliverOutboxJob), but its subject may still name them.
        var names = new[] { email, displayName }.Where(t => t.Trim().Length >= 3).Select(t => t.Trim()).ToList();
        foreach (var text in names)
        {
            foreach (var message in await db.Outbox.Where(m => m.ToEmail.ToUpper() != normalized
                             && (m.Subject.Contains(text) || m.TextBody.Contains(text) || (m.HtmlBody != null && m.HtmlBody.Contains(text))
                                 || (m.ToName != null && m.ToName.Contains(text))))
                         .ToListAsync(cancellationToken))
            {
                message.Subject = message.Subject.Replace(text, pseudonym, StringComparison.OrdinalIgnoreCase);
                message.TextBody = message.TextBody.Replace(text, pseudonym, StringComparison.OrdinalIgnoreCase);
                message.HtmlBody = message.HtmlBody?.Replace(text, pseudonym, StringComparison.OrdinalIgnoreCase)
                    .Replace(System.Net.WebUtility.HtmlEncode(text), pseudonym, StringComparison.OrdinalIgnoreCase);
                message.ToName = message.ToName?.Replace(text, pseudonym, StringComparison.OrdinalIgnoreCase);
            }
        }

        foreach (var library in await db.Libraries.Where(l => l.Email != null && l.Email.ToUpper() == normalized).ToListAsync(cancellationToken))
            library.Email = null;

        // The address becomes its keyed hash: the one-vote rule still holds for it, and nobody can read it back.
        var canonical = VoterAddress.Canonical(email);
        var hashed = pseudonyms.VoterKey(canonical);
        foreach (var request in await db.VoteRequests.Where(r => r.VoterKey == canonical || r.VoterEmail == normalized).ToListAsync(cancellationToken))
        {
            request.VoterEmail = hashed;
            request.VoterKey = hashed;
            request.RequestIp = null;
        }
        foreach (var vote in await db.PeoplesChoiceVotes.Where(v => v.VoterKey == canonical || v.VoterEmail == normalized).ToListAsync(cancellationToken))
        {
            vote.VoterEmail = hashed;
            vote.VoterKey = hashed;
        }
        foreach (var entry in await db.MemberList.Where(m => m.Email.ToUpper() == normalized).ToListAsync(cancellationToken))
            entry.Email = hashed;
        foreach (var alert in await db.VoteAlerts.Where(a => a.Subject.ToUpper() == normalized || (a.Addresses != null && a.Addresses.ToUpper().Contains(normalized)))
                     .ToListAsync(cancellationToken))
        {
            alert.Subject = alert.Subject.Replace(email, hashed, StringComparison.OrdinalIgnoreCase);
            alert.Addresses = alert.Addresses?.Replace(email, hashed, StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task DeleteAccountAsync(AppUser user, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        foreach (var grant in await db.RoleGrants.Where(g => g.GrantedByUserId == userId).ToListAsync(cancellationToken))
            db.Entry(grant).Property(g => g.GrantedByUserId).CurrentValue = null;
        // Every Identity row of the account, said out loud rather than left to each database's cascade.
        db.RoleGrants.RemoveRange(await db.RoleGrants.Where(g => g.UserId == userId).ToListAsync(cancellationToken));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == userId).ToListAsync(cancellationToken));
        db.UserLogins.RemoveRange(await db.UserLogins.Where(t => t.UserId == userId).ToListAsync(cancellationToken));
        db.UserClaims.RemoveRange(await db.UserClaims.Where(t => t.UserId == userId).ToListAsync(cancellationToken));
        db.UserRoles.RemoveRange(await db.UserRoles.Where(t => t.UserId == userId).ToListAsync(cancellationToken));
        db.UserPasskeys.RemoveRange(await db.UserPasskeys.Where(t => t.UserId == userId).ToListAsync(cancellationToken));
        db.Users.Remove(user);
    }
}
