using AwardVote.Application.Ballots;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Counting;

/// <summary>
/// The nominations a round judges in a category, each under the name the count and its ballot file use (the
/// library's, made unique and safe for the file's syntax). Counting, the casting vote and publication all map names
/// back to nominations through this one place.
/// </summary>
public static class RoundCandidates
{
    public static async Task<List<(int Id, string Name)>> ForAsync(AppDbContext db, AwardCycle cycle, Round round, int categoryId,
        CancellationToken cancellationToken)
    {
        var judged = await JudgingRound.JudgedNominationsAsync(db, cycle, round, categoryId, cancellationToken);
        var nominations = await db.Nominations
            .Where(n => n.CycleId == cycle.Id && n.CategoryId == categoryId && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
            .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => new { n.Id, l.Name })
            .OrderBy(x => x.Id)
            .ToListAsync(cancellationToken);
        return nominations
            .Where(n => judged.Contains(n.Id))
            .Select(n => (n.Id, Name: BallotName(n.Name, n.Id, nominations.Count(x => x.Name == n.Name) > 1)))
            .ToList();
    }

    /// <summary>Names go into ballot files, whose syntax uses '>', '=', '~', '*', '#' and ','; those characters are replaced.</summary>
    public static string BallotName(string name, int id, bool duplicate)
    {
        var clean = new string(name.Select(c => c is '>' or '=' or '~' or '*' or '#' or ',' or '\n' or '\r' ? ' ' : c).ToArray()).Trim();
        return duplicate ? $"{clean} ({id})" : clean;
    }
}
