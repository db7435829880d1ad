using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Privacy;

/// <summary>
/// <see cref="PrivacyOptions.VoterAddressDays"/> after a people's-choice result became public, the cycle's voters'
/// addresses become keyed hashes (<see cref="Pseudonyms.VoterKey"/>): in the vote requests (and their IP addresses go),
/// the votes, the member list, the abuse alerts and the vote mails' delivery reports. The hash of a mailbox is the
/// same every time, so "one vote per mailbox" still holds for that cycle (<see cref="PeoplesChoice.VoteDesk"/> compares
/// it too) and the unique key on the votes stays unique; the count reads nominations and vote numbers, never addresses,
/// so the result and its published file do not change.
/// </summary>
/// <remarks>
/// Daily and idempotent: only rows not yet hashed are read, so a second run finds nothing and writes no audit entry.
/// A cycle can hold hundreds of thousands of votes, and an HMAC cannot be computed in SQL: rows are read and written in
/// pages of <see cref="PageSize"/>, all of one cycle in one transaction with its audit entry (counts only).
/// </remarks>
public sealed class HashVoterAddressesJob(
    AppDbContext db,
    Pseudonyms pseudonyms,
    AuditLog audit,
    TimeProvider clock,
    IOptions<PrivacyOptions> options,
    ILogger<HashVoterAddressesJob> logger) : IUseCase
{
    public const string HashedAction = "privacy.voter-addresses-hashed";
    internal const int PageSize = 1000;

    private const string Prefix = Pseudonyms.HashedPrefix;

    private static readonly string[] VoteMailPurposes =
    [
        new VoteConfirmationMail("", "", "", "", "").Purpose, new VoteNotOnMemberListMail("", "", "").Purpose, new VoteAlreadyCastMail("", "", "").Purpose,
    ];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var hashed = 0;
        foreach (var cycleId in await DueCyclesAsync(cancellationToken))
            hashed += await HashCycleAsync(cycleId, cancellationToken);
        return hashed;
    }

    /// <summary>
    /// The cycles whose people's-choice result has been public for the period: counted, and — unless the statute
    /// shows the count at close — the cycle's results published. The moment it became public is the later of the
    /// count and the first announcement (the count alone for a cycle moved to "published" by hand, without one).
    /// </summary>
    private async Task<List<int>> DueCyclesAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(0, options.Value.VoterAddressDays));
        var candidates = await db.Cycles.AsNoTracking()
            .Where(c => c.PeoplesChoice.ClosesAt != null && c.PeoplesChoice.ClosesAt <= cutoff
                        && (c.PeoplesChoice.LiveCount || c.Phase >= CyclePhase.Published)
                        && db.PeoplesChoiceResults.Any(r => r.CycleId == c.Id))
            .Select(c => new { c.Id, c.PeoplesChoice.LiveCount })
            .ToListAsync(cancellationToken);
        var due = new List<int>();
        foreach (var cycle in candidates)
        {
            // Few rows per cycle; compared here because SQLite cannot take the maximum of a DateTimeOffset.
            var counted = await db.PeoplesChoiceResults.Where(r => r.CycleId == cycle.Id).Select(r => r.CountedAt).ToListAsync(cancellationToken);
            var published = cycle.LiveCount ? [] : await db.Publications.Where(p => p.CycleId == cycle.Id && p.PublishedAt != null)
                .Select(p => p.PublishedAt!.Value).ToListAsync(cancellationToken);
            var publicSince = published.Count == 0 ? counted.Max() : Later(counted.Max(), published.Min());
            if (publicSince <= cutoff)
                due.Add(cycle.Id);
        }
        return due;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task<int> HashCycleAsync(int cycleId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requests = await HashRequestsAsync(cycleId, cancellationToken);
        var votes = await HashVotesAsync(cycleId, cancellationToken);
        var members = await HashMemberListAsync(cycleId, cancellationToken);
        var alerts = await HashAlertsAsync(cycleId, cancellationToken);
        var mails = await HashMailsAsync(cycleId, cancellationToken);
        var total = requests + votes + members + alerts + mails;
        if (total == 0)
            return 0;
        audit.Record(HashedAction, "Cycle", cycleId,
            after: new { VoteRequests = requests, Votes = votes, MemberList = members, Alerts = alerts, Mails = mails, options.Value.VoterAddressDays },
            cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Cycle {CycleId}: voters' addresses hashed ({Requests} requests, {Votes} votes, {Members} member-list entries)",
            cycleId, requests, votes, members);
        return total;
    }

    /// <summary>The stored key of a mailbox, hashed; rows stored before the key existed fall back on the address.</summary>
    private string Hashed(string voterKey, string voterEmail) =>
        pseudonyms.VoterKey(voterKey.Length > 0 ? voterKey : VoterAddress.Canonical(voterEmail));

    private async Task<int> HashRequestsAsync(int cycleId, CancellationToken cancellationToken)
    {
        var done = 0;
        long after = 0;
        while (true)
        {
            var page = await db.VoteRequests.AsNoTracking()
                .Where(r => r.CycleId == cycleId && r.Id > after
                            && (!r.VoterKey.StartsWith(Prefix) || !r.VoterEmail.StartsWith(Prefix) || r.RequestIp != null))
                .OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.VoterKey, r.VoterEmail })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
                return done;
            foreach (var row in page)
            {
                var key = Hashed(row.VoterKey, row.VoterEmail);
                // Written by key alone, as the vote desk marks a request: no read of the rows it changes.
                var entry = db.VoteRequests.Attach(new VoteRequest { Id = row.Id, VoterEmail = key, VoterKey = key, TokenHash = "", RequestIp = null });
                entry.Property(r => r.VoterEmail).IsModified = true;
                entry.Property(r => r.VoterKey).IsModified = true;
                entry.Property(r => r.RequestIp).IsModified = true;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += page.Count;
            after = page[^1].Id;
        }
    }

    private async Task<int> HashVotesAsync(int cycleId, CancellationToken cancellationToken)
    {
        var done = 0;
        long after = 0;
        while (true)
        {
            var page = await db.PeoplesChoiceVotes.AsNoTracking()
                .Where(v => v.CycleId == cycleId && v.Id > after && (!v.VoterKey.StartsWith(Prefix) || !v.VoterEmail.StartsWith(Prefix)))
                .OrderBy(v => v.Id)
                .Select(v => new { v.Id, v.VoterKey, v.VoterEmail })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
                return done;
            foreach (var row in page)
            {
                var key = Hashed(row.VoterKey, row.VoterEmail);
                var entry = db.PeoplesChoiceVotes.Attach(new PeoplesChoiceVote { Id = row.Id, VoterEmail = key, VoterKey = key, AllowanceKey = "" });
                entry.Property(v => v.VoterEmail).IsModified = true;
                entry.Property(v => v.VoterKey).IsModified = true;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += page.Count;
            after = page[^1].Id;
        }
    }

    /// <summary>
    /// The member list is matched by the address as typed (upper-cased), not by mailbox: its entries become the hash
    /// of that, which <see cref="PeoplesChoice.VoteDesk"/> compares as well.
    /// </summary>
    private async Task<int> HashMemberListAsync(int cycleId, CancellationToken cancellationToken)
    {
        var done = 0;
        var after = 0;
        while (true)
        {
            var page = await db.MemberList.AsNoTracking()
                .Where(m => m.CycleId == cycleId && m.Id > after && !m.Email.StartsWith(Prefix))
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.Email })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
                return done;
            foreach (var row in page)
                db.MemberList.Attach(new MemberListEntry { Id = row.Id, Email = pseudonyms.VoterKey(row.Email) }).Property(m => m.Email).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += page.Count;
            after = page[^1].Id;
        }
    }

    /// <summary>
    /// An alert keeps its kind, window and numbers (what the administrator saw stays countable); what names a person
    /// goes: a burst's IP address and a group's mailbox skeleton become hashes, the group's addresses are dropped. A
    /// throwaway domain or a nomination names nobody and stays.
    /// </summary>
    private async Task<int> HashAlertsAsync(int cycleId, CancellationToken cancellationToken)
    {
        var alerts = await db.VoteAlerts
            .Where(a => a.CycleId == cycleId && (a.Kind == VoteAlertKind.IpBurst || a.Kind == VoteAlertKind.SimilarAddresses)
                        && (!a.Subject.StartsWith(Prefix) || a.Addresses != null))
            .ToListAsync(cancellationToken);
        foreach (var alert in alerts)
        {
            alert.Subject = pseudonyms.VoterKey((alert.Kind == VoteAlertKind.IpBurst ? "ip:" : "group:") + alert.Subject);
            alert.Addresses = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return alerts.Count;
    }

    /// <summary>
    /// The vote mails of the cycle (their bodies went when they were sent): the delivery report keeps its numbers, the
    /// recipient becomes the mailbox's hash and the server's answer, which may quote the address, goes. A mail still
    /// waiting is left to be sent.
    /// </summary>
    private async Task<int> HashMailsAsync(int cycleId, CancellationToken cancellationToken)
    {
        // The outbox keys a vote mail "purpose:cycle:token hash".
        var cycle = cycleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (confirmation, notOnList, alreadyVoted) = ($"{VoteMailPurposes[0]}:{cycle}:", $"{VoteMailPurposes[1]}:{cycle}:", $"{VoteMailPurposes[2]}:{cycle}:");
        var done = 0;
        long after = 0;
        while (true)
        {
            var page = await db.Outbox.AsNoTracking()
                .Where(m => m.Id > after
                            && (m.DeduplicationKey.StartsWith(confirmation) || m.DeduplicationKey.StartsWith(notOnList) || m.DeduplicationKey.StartsWith(alreadyVoted))
                            && m.Status != OutboxStatus.Pending && !m.ToEmail.StartsWith(Prefix))
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.ToEmail })
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
                return done;
            foreach (var row in page)
            {
                var entry = db.Outbox.Attach(new OutboxMessage
                {
                    Id = row.Id, DeduplicationKey = "", Purpose = "", Culture = "", Subject = "",
                    ToEmail = pseudonyms.VoterKey(VoterAddress.Canonical(row.ToEmail)), TextBody = OutboxMessage.Removed,
                });
                entry.Property(m => m.ToEmail).IsModified = true;
                entry.Property(m => m.ToName).IsModified = true;
                entry.Property(m => m.TextBody).IsModified = true;
                entry.Property(m => m.HtmlBody).IsModified = true;
                entry.Property(m => m.LastError).IsModified = true;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += page.Count;
            after = page[^1].Id;
        }
    }
}
