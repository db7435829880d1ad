using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.PeoplesChoice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AwardVote.Application.PeoplesChoice;

/// <summary>
/// What the public reads about a cycle's people's-choice vote, for the vote page, the cycle page and the API alike:
/// the nominees, and the count only when <see cref="PeoplesChoiceRules.CountsArePublic"/> says so.
/// </summary>
public sealed class PublicVote(AppDbContext db, PeoplesChoiceCounter counter, IMemoryCache cache, TimeProvider clock) : IUseCase
{
    /// <summary>A live count is recounted at most this often, however many people reload the page.</summary>
    private static readonly TimeSpan LiveCountAge = TimeSpan.FromSeconds(5);

    public sealed record VoteCycle(int Id, string Slug, string Title, string? TitleEn, int Year, string TimeZone, CyclePhase Phase,
        PeoplesChoiceSettings Settings, IReadOnlyList<CategoryInfo> Categories);

    public sealed record CategoryInfo(int Id, int Order, string Name, string? NameEn);

    public sealed record Nominee(int NominationId, int CategoryId, string LibraryName, string? Summary, int? PhotoId, string? PhotoCaption);

    public sealed record NomineeResult(string Name, long Votes, int Rank);

    public sealed record CategoryResult(int CategoryId, string Name, string? NameEn, long Votes, IReadOnlyList<NomineeResult> Nominees,
        string? Sha256, DateTimeOffset? CountedAt, CountOutcome? Outcome);

    /// <param name="Visible">Whether any count may be shown now.</param>
    /// <param name="Final">The stored count of a closed vote (with its hash), rather than a live one.</param>
    public sealed record ResultsView(VoteState State, bool Visible, bool Final, IReadOnlyList<CategoryResult> Categories);

    /// <summary>A cycle with a people's-choice vote, by its public address; drafts and cycles without one are null.</summary>
    public async Task<VoteCycle?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Where(c => c.Slug == slug && c.Phase != CyclePhase.Draft && c.PeoplesChoice.Enabled)
            .Select(c => new { c.Id, c.Slug, c.Title, c.TitleEn, c.Year, c.TimeZone, c.Phase, c.PeoplesChoice })
            .SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
            return null;
        var categories = await db.Categories.AsNoTracking().Where(c => c.CycleId == cycle.Id).OrderBy(c => c.Order)
            .Select(c => new CategoryInfo(c.Id, c.Order, c.Name, c.NameEn))
            .ToListAsync(cancellationToken);
        return new VoteCycle(cycle.Id, cycle.Slug, cycle.Title, cycle.TitleEn, cycle.Year, cycle.TimeZone, cycle.Phase, cycle.PeoplesChoice, categories);
    }

    public VoteState State(VoteCycle cycle) => PeoplesChoiceRules.State(cycle.Settings, cycle.Phase, clock.GetUtcNow());

    /// <summary>
    /// The nominees the public votes for (submitted, not withdrawn, found eligible), each with the first photo its
    /// library released for public pages.
    /// </summary>
    public async Task<List<Nominee>> NomineesAsync(int cycleId, CancellationToken cancellationToken)
    {
        var nominees = await (
                from nomination in db.Nominations.AsNoTracking()
                join library in db.Libraries on nomination.LibraryId equals library.Id
                where nomination.CycleId == cycleId && nomination.Status == NominationStatus.Submitted
                      && nomination.Eligibility == EligibilityDecision.Eligible && nomination.WithdrawnAt == null
                orderby library.Name
                select new { nomination.Id, nomination.CategoryId, library.Name, nomination.PublicSummary })
            .ToListAsync(cancellationToken);
        var ids = nominees.Select(n => n.Id).ToList();
        var photos = (await db.Attachments.AsNoTracking()
                .Where(a => ids.Contains(a.NominationId) && a.Kind == AttachmentKind.Photo && a.PublicAfterPublication && a.EndorsementId == null)
                .OrderBy(a => a.Id)
                .Select(a => new { a.NominationId, a.Id, a.Caption })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.NominationId)
            .ToDictionary(g => g.Key, g => g.First());
        return nominees.Select(n => new Nominee(n.Id, n.CategoryId, n.Name, n.PublicSummary,
            photos.GetValueOrDefault(n.Id)?.Id, photos.GetValueOrDefault(n.Id)?.Caption)).ToList();
    }

    /// <summary>The count, if the statute lets the public see one now; otherwise nothing but the vote's state.</summary>
    public async Task<ResultsView> ResultsAsync(VoteCycle cycle, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = PeoplesChoiceRules.State(cycle.Settings, cycle.Phase, now);
        if (!PeoplesChoiceRules.CountsArePublic(cycle.Settings, cycle.Phase, now))
            return new ResultsView(state, false, false, []);

        if (state == VoteState.Closed)
        {
            var stored = await db.PeoplesChoiceResults.AsNoTracking().Where(r => r.CycleId == cycle.Id).ToListAsync(cancellationToken);
            if (stored.Count == cycle.Categories.Count && stored.Count > 0)
            {
                var nominees = await counter.NomineesAsync(cycle.Id, cancellationToken);
                return new ResultsView(state, true, true, cycle.Categories.Select(category =>
                {
                    var result = stored.Single(r => r.CategoryId == category.Id);
                    var protocol = CountProtocol.FromJson(result.ProtocolJson);
                    var votes = (protocol.FirstPreferences ?? []).ToDictionary(v => v.Name, v => (long)v.Value);
                    var order = protocol.Order.Select(p => new NomineeResult(p.Name, votes.GetValueOrDefault(p.Name), p.Rank)).ToList();
                    // Nominees without a vote are not in the count's file or protocol; they share the last place here.
                    var names = PeoplesChoiceCount.BallotNames(nominees.Where(n => n.CategoryId == category.Id)
                        .Select(n => new NomineeVotes(n.NominationId, n.LibraryName, 0)).ToList());
                    order.AddRange(names.Where(name => !votes.ContainsKey(name)).Order(StringComparer.Ordinal)
                        .Select(name => new NomineeResult(name, 0, order.Count + 1)).ToList());
                    return new CategoryResult(category.Id, category.Name, category.NameEn, result.Votes, order, result.BallotFileSha256,
                        result.CountedAt, protocol.Outcome);
                }).ToList());
            }
            // Published but not yet counted (the job runs every minute): nothing provisional unless the statute allows it.
            if (!cycle.Settings.LiveCount)
                return new ResultsView(state, true, false, []);
        }

        var tally = await cache.GetOrCreateAsync($"peoples-choice-live:{cycle.Id}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = LiveCountAge;
            return counter.TallyAsync(cycle.Id, cancellationToken);
        }) ?? [];
        return new ResultsView(state, true, false, cycle.Categories.Select(category =>
        {
            var rows = tally.Where(t => t.CategoryId == category.Id).OrderByDescending(t => t.Votes).ThenBy(t => t.LibraryName, StringComparer.Ordinal).ToList();
            var ranked = rows.Select(t => new NomineeResult(t.LibraryName, t.Votes, rows.Count(other => other.Votes > t.Votes) + 1)).ToList();
            return new CategoryResult(category.Id, category.Name, category.NameEn, rows.Sum(t => t.Votes), ranked, null, null, null);
        }).ToList());
    }
}
