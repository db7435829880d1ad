using System.Runtime.CompilerServices;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Privacy;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.PeoplesChoice;

public enum VoteRequestStatus
{
    Sent,
    UnknownCycle,
    UnknownNomination,
    InvalidAddress,
    NotYetOpen,
    Closed,
    TooManyRequests,
}

public enum VoteConfirmStatus
{
    Confirmed,
    InvalidLink,
    Expired,
    /// <summary>This link was confirmed before: the vote stands.</summary>
    AlreadyUsed,
    /// <summary>Another link of the same voter was confirmed for the same allowance: a vote cannot be changed.</summary>
    AlreadyVoted,
    NotYetOpen,
    Closed,
    NotOnMemberList,
}

/// <param name="NomineeName">Set when <see cref="VoteRequestStatus.Sent"/>: the same for every address, whatever the mail says.</param>
public sealed record VoteRequestOutcome(VoteRequestStatus Status, string? NomineeName = null);

public sealed record VoteConfirmOutcome(VoteConfirmStatus Status, string? CycleSlug = null, string? NomineeName = null, int? NominationId = null,
    int? CategoryId = null);

/// <summary>
/// The two steps of a public vote: a request (checked, stored with the hash of a one-time token, the link mailed
/// through the outbox) and its confirmation (the vote stored under the unique key "one per voter and allowance").
/// Both are on the hot path of a national vote, so each reads what it needs in one query and writes in one
/// SaveChanges; the database's unique keys, not a read before the write, decide races.
/// </summary>
/// <remarks>
/// A request answers alike for an address that may vote, one that has voted and one not on the member list: each is
/// stored (the per-mailbox limit counts all three, so nobody can flood a mailbox with refusals) and each gets a mail,
/// and only the mail says which it was. Whoever types someone else's address learns nothing about it.
/// "One voter" is one mailbox (<see cref="VoterAddress.Canonical"/>), however the address is spelled.
/// </remarks>
public sealed class VoteDesk(
    AppDbContext db,
    Outbox outbox,
    AuditLog audit,
    TimeProvider clock,
    DisposableDomains disposableDomains,
    IOptions<PeoplesChoiceOptions> options,
    PublicLinks links,
    Pseudonyms pseudonyms) : IUseCase
{
    private sealed record RequestFacts(
        int CycleId, string Title, string? TitleEn, string TimeZone, CyclePhase Phase, PeoplesChoiceSettings Settings,
        int CategoryId, string CategoryName, string? CategoryNameEn, NominationStatus Status, EligibilityDecision Eligibility,
        DateTimeOffset? WithdrawnAt, string LibraryName, bool OnMemberList, bool VotedInCycle, bool VotedInCategory, int RecentRequests);

    public Task<VoteRequestOutcome> RequestAsync(string cycleSlug, int nominationId, string? email, string? requestIp, string culture,
        CancellationToken cancellationToken = default) =>
        db.OnOneConnectionAsync(() => RequestOnOneConnectionAsync(cycleSlug, nominationId, email, requestIp, culture, cancellationToken),
            cancellationToken);

    private async Task<VoteRequestOutcome> RequestOnOneConnectionAsync(string cycleSlug, int nominationId, string? email, string? requestIp,
        string culture, CancellationToken cancellationToken)
    {
        if (!VoterAddress.IsPlausible(email))
            return new VoteRequestOutcome(VoteRequestStatus.InvalidAddress);
        var voter = VoterAddress.Normalize(email!);
        var mailbox = VoterAddress.Canonical(email!);
        // Once a cycle's addresses are hashed (Privacy.HashVoterAddressesJob) its rows hold these instead, and one vote per
        // mailbox still holds. A vote is closed by then (the statute is locked), but the rule does not rest on that.
        var hashedVoter = pseudonyms.VoterKey(voter);
        var hashedMailbox = pseudonyms.VoterKey(mailbox);
        var now = clock.GetUtcNow();
        var since = now.AddHours(-1);

        // One round trip: the cycle's rules, the nominee, and what the database knows about this voter.
        var facts = await (
                from nomination in db.Nominations
                join cycle in db.Cycles on nomination.CycleId equals cycle.Id
                join category in db.Categories on nomination.CategoryId equals category.Id
                join library in db.Libraries on nomination.LibraryId equals library.Id
                where nomination.Id == nominationId && cycle.Slug == cycleSlug
                select new RequestFacts(
                    cycle.Id, cycle.Title, cycle.TitleEn, cycle.TimeZone, cycle.Phase, cycle.PeoplesChoice,
                    nomination.CategoryId, category.Name, category.NameEn, nomination.Status, nomination.Eligibility, nomination.WithdrawnAt,
                    library.Name,
                    db.MemberList.Any(m => m.CycleId == cycle.Id && (m.Email == voter || m.Email == hashedVoter)),
                    db.PeoplesChoiceVotes.Any(v => v.CycleId == cycle.Id && v.AllowanceKey == PeoplesChoiceRules.WholeCycleKey
                                                   && (v.VoterKey == mailbox || v.VoterKey == hashedMailbox)),
                    db.PeoplesChoiceVotes.Any(v => v.CycleId == cycle.Id && v.AllowanceKey == "category:" + nomination.CategoryId.ToString()
                                                   && (v.VoterKey == mailbox || v.VoterKey == hashedMailbox)),
                    db.VoteRequests.Count(r => r.CycleId == cycle.Id && r.VoterKey == mailbox && r.RequestedAt > since)))
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);

        if (facts is null)
        {
            var cycleIsPublic = await db.Cycles.AnyAsync(c => c.Slug == cycleSlug && c.Phase != CyclePhase.Draft && c.PeoplesChoice.Enabled, cancellationToken);
            return new VoteRequestOutcome(cycleIsPublic ? VoteRequestStatus.UnknownNomination : VoteRequestStatus.UnknownCycle);
        }
        if (facts.Phase == CyclePhase.Draft || !facts.Settings.Enabled)
            return new VoteRequestOutcome(VoteRequestStatus.UnknownCycle);
        if (!IsCandidate(facts.Status, facts.Eligibility, facts.WithdrawnAt))
            return new VoteRequestOutcome(VoteRequestStatus.UnknownNomination);
        switch (PeoplesChoiceRules.State(facts.Settings, facts.Phase, now))
        {
            case VoteState.NotYetOpen:
                return new VoteRequestOutcome(VoteRequestStatus.NotYetOpen);
            case VoteState.Open:
                break;
            default:
                return new VoteRequestOutcome(VoteRequestStatus.Closed);
        }
        // The limit counts every request of the mailbox, whatever its mail said, so it tells nothing about the address.
        if (facts.RecentRequests >= options.Value.RequestsPerAddressPerHour)
            return new VoteRequestOutcome(VoteRequestStatus.TooManyRequests);
        // Members first: the mail to someone not on the list says nothing about whether the address has voted.
        var notOnList = facts.Settings.Eligibility == VoterEligibility.MemberListOnly && !facts.OnMemberList;
        var voted = facts.Settings.Allowance == VoteAllowance.OnePerCycle ? facts.VotedInCycle : facts.VotedInCategory;

        // A refused request is stored too, with the hash of a token that is never sent: the same work and the same
        // answer as a granted one, and a row the per-mailbox limit and the abuse report count.
        var (token, hash) = OneTimeToken.Create();
        var expiresAt = now.AddHours(options.Value.LinkLifetimeHours);
        if (facts.Settings.ClosesAt is { } closesAt && closesAt < expiresAt)
            expiresAt = closesAt;
        db.VoteRequests.Add(new VoteRequest
        {
            CycleId = facts.CycleId,
            CategoryId = facts.CategoryId,
            NominationId = nominationId,
            VoterEmail = voter,
            VoterKey = mailbox,
            TokenHash = hash,
            RequestedAt = now,
            ExpiresAt = expiresAt,
            RequestIp = requestIp is { Length: > 64 } ? requestIp[..64] : requestIp,
            FromDisposableDomain = disposableDomains.Contains(voter),
        });
        var english = culture == "en";
        var title = Pick(facts.Title, facts.TitleEn, english);
        var categoryName = Pick(facts.CategoryName, facts.CategoryNameEn, english);
        MailTemplate mail = notOnList ? new VoteNotOnMemberListMail(title, facts.LibraryName, categoryName)
            : voted ? new VoteAlreadyCastMail(title, facts.LibraryName, categoryName)
            : new VoteConfirmationMail(title, facts.LibraryName, categoryName,
                links.To($"/Vote/Confirm?token={token}&culture={(english ? "en" : "lv")}"), MailTexts.Deadline(expiresAt, facts.TimeZone, english ? Languages.English : Languages.Latvian));
        outbox.Enqueue(mail, email!.Trim(), null, english ? "en" : "lv", $"{facts.CycleId}:{hash}");
        await db.SaveInOneCommandAsync(cancellationToken);
        return new VoteRequestOutcome(VoteRequestStatus.Sent, facts.LibraryName);
    }

    private sealed record ConfirmFacts(
        long RequestId, int CycleId, int CategoryId, int NominationId, string VoterEmail, string VoterKey, DateTimeOffset ExpiresAt, DateTimeOffset? ConfirmedAt,
        string Slug, CyclePhase Phase, PeoplesChoiceSettings Settings, string LibraryName, bool OnMemberList);

    private async Task<ConfirmFacts?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
            return null;
        var find = FindByTokenHash.GetValue(db.Model, _ => CompileFindByTokenHash());
        var facts = await find(db, OneTimeToken.Hash(token), cancellationToken);
        // A member list whose addresses were hashed (Privacy.HashVoterAddressesJob) holds the hash: asked only when the
        // address itself is not on the list, off the hot path of a vote where anyone may vote.
        if (facts is { OnMemberList: false, Settings.Eligibility: VoterEligibility.MemberListOnly })
        {
            var hashed = pseudonyms.VoterKey(facts.VoterEmail);
            if (await db.MemberList.AnyAsync(m => m.CycleId == facts.CycleId && m.Email == hashed, cancellationToken))
                return facts with { OnMemberList = true };
        }
        return facts;
    }

    /// <summary>
    /// The one query of a confirmation, compiled once per model: a vote burst runs it hundreds of times a second, and
    /// building the LINQ tree and finding it in EF Core's query cache cost about a fifth of a confirmation's CPU
    /// (docs/benchmarks.md, scenario 1). A compiled query belongs to one model, and each database provider has its
    /// own (a process runs one; the tests run two).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, string, CancellationToken, Task<ConfirmFacts?>>> FindByTokenHash = new();

    private static Func<AppDbContext, string, CancellationToken, Task<ConfirmFacts?>> CompileFindByTokenHash() =>
        EF.CompileAsyncQuery((AppDbContext db, string hash, CancellationToken _) => (
                from request in db.VoteRequests
                join cycle in db.Cycles on request.CycleId equals cycle.Id
                join nomination in db.Nominations on request.NominationId equals nomination.Id
                join library in db.Libraries on nomination.LibraryId equals library.Id
                where request.TokenHash == hash
                select new ConfirmFacts(
                    request.Id, request.CycleId, request.CategoryId, request.NominationId, request.VoterEmail, request.VoterKey, request.ExpiresAt, request.ConfirmedAt,
                    cycle.Slug, cycle.Phase, cycle.PeoplesChoice, library.Name,
                    db.MemberList.Any(m => m.CycleId == request.CycleId && m.Email == request.VoterEmail)))
            .AsNoTracking()
            .SingleOrDefault());

    /// <summary>What confirming this link would do, without doing it (the page before the button).</summary>
    public async Task<VoteConfirmOutcome> InspectAsync(string? token, CancellationToken cancellationToken = default)
    {
        var facts = await FindAsync(token, cancellationToken);
        return facts is null
            ? new VoteConfirmOutcome(VoteConfirmStatus.InvalidLink)
            : Outcome(Refusal(facts, clock.GetUtcNow()) ?? VoteConfirmStatus.Confirmed, facts);
    }

    /// <param name="cycleSlug">When given (the API), the link must belong to this cycle.</param>
    public Task<VoteConfirmOutcome> ConfirmAsync(string? token, string? cycleSlug = null, CancellationToken cancellationToken = default) =>
        db.OnOneConnectionAsync(() => ConfirmOnOneConnectionAsync(token, cycleSlug, cancellationToken), cancellationToken);

    private async Task<VoteConfirmOutcome> ConfirmOnOneConnectionAsync(string? token, string? cycleSlug, CancellationToken cancellationToken)
    {
        var facts = await FindAsync(token, cancellationToken);
        if (facts is null || (cycleSlug is not null && facts.Slug != cycleSlug))
            return new VoteConfirmOutcome(VoteConfirmStatus.InvalidLink);
        var now = clock.GetUtcNow();
        if (Refusal(facts, now) is { } refusal)
            return Outcome(refusal, facts);

        var allowanceKey = PeoplesChoiceRules.AllowanceKey(facts.Settings.Allowance, facts.CategoryId);
        db.PeoplesChoiceVotes.Add(new PeoplesChoiceVote
        {
            CycleId = facts.CycleId,
            CategoryId = facts.CategoryId,
            NominationId = facts.NominationId,
            VoterEmail = facts.VoterEmail,
            VoterKey = facts.VoterKey,
            AllowanceKey = allowanceKey,
            VoteRequestId = facts.RequestId,
            ConfirmedAt = now,
        });
        // The request is marked by key alone: no read of the row it changes.
        var spent = new VoteRequest { Id = facts.RequestId, VoterEmail = facts.VoterEmail, VoterKey = facts.VoterKey, TokenHash = "", ConfirmedAt = now };
        db.VoteRequests.Attach(spent).Property(r => r.ConfirmedAt).IsModified = true;
        audit.Record("peoples-choice.vote-confirmed", "VoteRequest", facts.RequestId,
            after: new { facts.NominationId, facts.CategoryId, AllowanceKey = allowanceKey }, cycleId: facts.CycleId);
        try
        {
            await db.SaveInOneCommandAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // Two clicks, or two links of one mailbox (however spelled), at once: the unique key kept one vote. Say which.
            db.ChangeTracker.Clear();
            var winner = await db.PeoplesChoiceVotes
                .Where(v => v.CycleId == facts.CycleId && v.AllowanceKey == allowanceKey && v.VoterKey == facts.VoterKey)
                .Select(v => (long?)v.VoteRequestId)
                .FirstOrDefaultAsync(cancellationToken);
            return Outcome(winner == facts.RequestId ? VoteConfirmStatus.AlreadyUsed : VoteConfirmStatus.AlreadyVoted, facts);
        }
        return Outcome(VoteConfirmStatus.Confirmed, facts);
    }

    private static VoteConfirmStatus? Refusal(ConfirmFacts facts, DateTimeOffset now)
    {
        if (facts.ConfirmedAt is not null)
            return VoteConfirmStatus.AlreadyUsed;
        switch (PeoplesChoiceRules.State(facts.Settings, facts.Phase, now))
        {
            case VoteState.Open:
                break;
            case VoteState.NotYetOpen:
                return VoteConfirmStatus.NotYetOpen;
            default:
                return VoteConfirmStatus.Closed;
        }
        if (facts.ExpiresAt <= now)
            return VoteConfirmStatus.Expired;
        // The administrator may have replaced the list since the request.
        if (facts.Settings.Eligibility == VoterEligibility.MemberListOnly && !facts.OnMemberList)
            return VoteConfirmStatus.NotOnMemberList;
        return null;
    }

    private static VoteConfirmOutcome Outcome(VoteConfirmStatus status, ConfirmFacts facts) =>
        new(status, facts.Slug, facts.LibraryName, facts.NominationId, facts.CategoryId);

    /// <summary>Submitted, not withdrawn, and found eligible: the nominees the public votes for.</summary>
    public static bool IsCandidate(NominationStatus status, EligibilityDecision eligibility, DateTimeOffset? withdrawnAt) =>
        status == NominationStatus.Submitted && eligibility == EligibilityDecision.Eligible && withdrawnAt is null;

    private static string Pick(string latvian, string? english, bool wantEnglish) =>
        wantEnglish && !string.IsNullOrWhiteSpace(english) ? english : latvian;

}
