using System.Globalization;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.PeoplesChoice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.PeoplesChoice;

/// <summary>
/// Looks at the vote requests of each open (or just closed) people's-choice vote, window by window, and reports to
/// the administrator (<see cref="VoteAlert"/>, listed on /Admin/PeoplesChoice): many requests from one IP address,
/// many for one nomination, requests from throwaway-mail domains, and groups of near-duplicate addresses (spellings of
/// one mailbox, or mailboxes differing only in digits), each group first put to <see cref="IAddressGroupReview"/>.
/// Nothing is dropped: the requests stand and the administrator decides. It reads the database, so it sees the requests of every node, and it runs off the vote's
/// hot path. Safe to run twice: one alert per cycle, kind, subject and window (a unique key), raised to the highest
/// count seen.
/// </summary>
public sealed class DetectVoteAbuseJob(
    AppDbContext db,
    TimeProvider clock,
    IOptions<PeoplesChoiceOptions> options,
    IAddressGroupReview review,
    ILogger<DetectVoteAbuseJob> logger) : IUseCase
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(Math.Max(1, options.Value.BurstWindowMinutes));
        var current = WindowStart(now, window);
        var previous = current - window;
        var cycleIds = await db.Cycles
            .Where(c => c.Phase != CyclePhase.Draft && c.PeoplesChoice.Enabled && c.PeoplesChoice.OpensAt <= now && c.PeoplesChoice.ClosesAt > previous)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var raised = 0;
        foreach (var cycleId in cycleIds)
        {
            // The window just finished may have grown since the last run; the current one is still growing.
            raised += await DetectAsync(cycleId, previous, window, now, cancellationToken);
            raised += await DetectAsync(cycleId, current, window, now, cancellationToken);
        }
        return raised;
    }

    /// <summary>Alerts for one window of one cycle; returns how many were raised or grew.</summary>
    public async Task<int> DetectAsync(int cycleId, DateTimeOffset from, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = from + window;
        var requests = db.VoteRequests.Where(r => r.CycleId == cycleId && r.RequestedAt >= from && r.RequestedAt < to);
        var ipThreshold = options.Value.IpBurstThreshold;
        var nominationThreshold = options.Value.NominationBurstThreshold;

        var found = new List<(VoteAlertKind Kind, string Subject, int Requests, string? Addresses)>();
        found.AddRange((await requests.Where(r => r.RequestIp != null)
                .GroupBy(r => r.RequestIp!)
                .Select(g => new { g.Key, Count = g.Count() })
                .Where(g => g.Count >= ipThreshold)
                .ToListAsync(cancellationToken))
            .Select(g => (VoteAlertKind.IpBurst, g.Key, g.Count, (string?)null)));
        found.AddRange((await requests
                .GroupBy(r => r.NominationId)
                .Select(g => new { g.Key, Count = g.Count() })
                .Where(g => g.Count >= nominationThreshold)
                .ToListAsync(cancellationToken))
            .Select(g => (VoteAlertKind.NominationBurst, g.Key.ToString(CultureInfo.InvariantCulture), g.Count, (string?)null)));
        // Throwaway addresses are few: their addresses come back, and are grouped by domain here.
        found.AddRange((await requests.Where(r => r.FromDisposableDomain).Select(r => r.VoterEmail).ToListAsync(cancellationToken))
            .GroupBy(VoterAddress.Domain)
            .Select(g => (VoteAlertKind.DisposableDomain, g.Key, g.Count(), (string?)null)));
        foreach (var group in await SimilarAddressesAsync(cycleId, requests, from, cancellationToken))
        {
            if (await review.ReviewAsync(group, cancellationToken) == AddressGroupVerdict.Report)
                found.Add((VoteAlertKind.SimilarAddresses, group.Key, group.Requests, Join(group.Addresses)));
        }
        if (found.Count == 0)
            return 0;

        var existing = await db.VoteAlerts.Where(a => a.CycleId == cycleId && a.WindowStart == from)
            .ToDictionaryAsync(a => (a.Kind, a.Subject), cancellationToken);
        var changed = 0;
        foreach (var (kind, subject, count, addresses) in found)
        {
            if (existing.TryGetValue((kind, subject), out var alert))
            {
                if (alert.Requests >= count)
                    continue;
                alert.Requests = count;
                alert.Addresses = addresses ?? alert.Addresses;
                alert.DetectedAt = now;
            }
            else
            {
                db.VoteAlerts.Add(new VoteAlert
                {
                    CycleId = cycleId, Kind = kind, Subject = subject, WindowStart = from, WindowEnd = to, Requests = count, DetectedAt = now,
                    Addresses = addresses,
                });
                logger.LogWarning("People's-choice alert in cycle {Cycle}: {Kind} {Subject}, {Requests} requests from {From}", cycleId, kind, subject, count, from);
            }
            changed++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // Another node reported the same window first; its alert stands and the next run raises its count.
            db.ChangeTracker.Clear();
            return 0;
        }
        return changed;
    }

    /// <summary>
    /// The window's near-duplicate groups: the database returns each address once with its mailbox and its requests,
    /// and they are grouped here by what is left without digits and punctuation. A group is reported when two of its
    /// addresses are one mailbox (someone trying to vote twice), or when it holds many mailboxes.
    /// </summary>
    private async Task<List<AddressGroup>> SimilarAddressesAsync(int cycleId, IQueryable<VoteRequest> requests, DateTimeOffset from,
        CancellationToken cancellationToken)
    {
        var addresses = await requests
            .GroupBy(r => new { r.VoterEmail, r.VoterKey })
            .Select(g => new { g.Key.VoterEmail, g.Key.VoterKey, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var threshold = Math.Max(2, options.Value.SimilarAddressThreshold);
        return addresses
            .GroupBy(a => VoterAddress.Skeleton(a.VoterKey.Length > 0 ? a.VoterKey : VoterAddress.Canonical(a.VoterEmail)), StringComparer.Ordinal)
            .Select(g => new AddressGroup(cycleId, g.Key, g.Select(a => a.VoterEmail).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                g.Select(a => a.VoterKey).Distinct(StringComparer.Ordinal).Count(), g.Sum(a => a.Count), from))
            .Where(g => g.Addresses.Count >= 2 && (g.Mailboxes < g.Addresses.Count || g.Mailboxes >= threshold))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The group's addresses for the report, one a line, as many as fit the column.</summary>
    private static string Join(IReadOnlyList<string> addresses)
    {
        var joined = new System.Text.StringBuilder();
        foreach (var address in addresses)
        {
            if (joined.Length + address.Length + 1 > 3990)
            {
                joined.Append("\n…");
                break;
            }
            joined.Append(joined.Length == 0 ? "" : "\n").Append(address);
        }
        return joined.ToString();
    }

    /// <summary>Windows are aligned to whole multiples of their length since the epoch, so every node agrees on them.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan window) =>
        new(at.UtcTicks - at.UtcTicks % window.Ticks, TimeSpan.Zero);
}
