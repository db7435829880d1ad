using AwardVote.Application.Counting;
using AwardVote.Application.Privacy;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Results;

/// <summary>
/// The printable protocol of one counted round and category: the statute it was counted under, the ballot file and
/// its hash, the recusals, every step of the method, the tie-breaks with their reasons, the result, and who approved
/// and published it. Administrators only: the design publishes results, not protocols. Printing uses the
/// stylesheet's print rules; no script.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ProtocolModel(AppDbContext db, Pseudonyms pseudonyms) : PageModel
{
    /// <summary>A longer ballot file is offered as a download rather than printed page after page.</summary>
    public const int BallotLinesPrinted = 300;

    public RoundResult Result { get; private set; } = null!;
    public CountProtocol Protocol { get; private set; } = null!;
    public AwardCycle Cycle { get; private set; } = null!;
    public Round Round { get; private set; } = null!;
    public Category Category { get; private set; } = null!;
    public List<string> BallotLines { get; private set; } = [];
    public List<Recusal> Recusals { get; private set; } = [];
    public List<PublicationRow> Publications { get; private set; } = [];

    /// <param name="Decided">False for a conflict still proposed at the count, which the count treats as a recusal too.</param>
    public sealed record Recusal(string Nomination, string? Juror, ConflictSource Source, DateTimeOffset? DecidedAt, bool Decided);
    public sealed record PublicationRow(Publication Publication, string? ApprovedBy, string? PublishedBy, string? CitationBy);

    /// <summary>The count's criterion values in the statute's order (the count keeps them in name order, for its file).</summary>
    public IEnumerable<CandidateValue> InStatuteOrder(IEnumerable<CandidateValue> values)
    {
        var order = Cycle.Criteria.OrderBy(c => c.Order).ThenBy(c => c.Id).Select((c, i) => (c.Name, i))
            .GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        return values.OrderBy(v => order.GetValueOrDefault(v.Name, int.MaxValue));
    }

    /// <summary>A criterion the count names (by its Latvian name) in the reader's language.</summary>
    public string CriterionName(string name) =>
        Cycle.Criteria.FirstOrDefault(c => c.Name == name) is { } criterion ? Localization.DisplayNames.Pick(criterion.Name, criterion.NameEn) : name;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (result is null)
            return NotFound();
        Result = result;
        Protocol = await PublishedProtocols.ForAsync(db, pseudonyms, result, cancellationToken);
        Round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == result.RoundId, cancellationToken);
        Category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == result.CategoryId, cancellationToken);
        Cycle = await db.Cycles.AsNoTracking()
            .Include(c => c.Criteria).ThenInclude(c => c.Levels).Include(c => c.TieBreakChain).Include(c => c.Rounds)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == Round.CycleId, cancellationToken);
        var lines = result.BallotFile.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        BallotLines = lines.Length <= BallotLinesPrinted ? [.. lines] : [];

        // Recusals: the confirmed conflicts on this category's nominations, which the count left out. A secret
        // statute does not name the juror here either.
        var conflicts = await db.Conflicts.AsNoTracking()
            .Where(c => c.CycleId == Cycle.Id && (c.Status == ConflictStatus.Confirmed || c.Status == ConflictStatus.Proposed))
            .Join(db.Nominations.Where(n => n.CategoryId == Category.Id), c => c.NominationId, n => n.Id, (c, n) => new { c, n.LibraryId })
            .Join(db.Libraries, x => x.LibraryId, l => l.Id, (x, l) => new { x.c, Library = l.Name })
            .ToListAsync(cancellationToken);
        var named = Cycle.Secrecy == ScoreSecrecy.VisibleToJuryAfterClose;
        var people = named ? await PeopleNames.ForAsync(db, pseudonyms, conflicts.Select(x => x.c.JurorUserId), cancellationToken) : [];
        Recusals = conflicts
            .Select(x => new Recusal(x.Library, named ? people[x.c.JurorUserId] : null, x.c.Source, x.c.DecidedAt, x.c.Status == ConflictStatus.Confirmed))
            .OrderBy(r => r.Nomination, StringComparer.CurrentCulture)
            .ToList();

        var publications = await db.Publications.AsNoTracking()
            .Where(p => p.RoundResultId == id)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var users = await PeopleNames.ForAsync(db, pseudonyms,
            publications.SelectMany(p => new[] { p.ApprovedByUserId, p.PublishedByUserId, p.CitationByUserId }), cancellationToken);
        Publications = publications
            .Select(p => new PublicationRow(p,
                p.ApprovedByUserId is { } a ? users[a] : null,
                p.PublishedByUserId is { } b ? users[b] : null,
                p.CitationByUserId is { } c ? users[c] : null))
            .ToList();
        return Page();
    }
}
