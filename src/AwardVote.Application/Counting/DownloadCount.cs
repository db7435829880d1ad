using System.Text;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Counting;

public enum CountFile
{
    /// <summary>The canonical ballot file the count read: exactly the bytes its SHA-256 is of.</summary>
    Ballots,
    /// <summary>The count's published protocol as JSON (with the chair's casting vote, if any), the other input of <c>awardvote verify</c>.</summary>
    Protocol,
}

/// <summary>A file to hand out, as bytes, with the name and type to hand it out under.</summary>
public sealed record CountDownload(byte[] Content, string FileName, string ContentType);

/// <summary>
/// An administrator takes a counted round's ballot file or protocol out of the system, for an offline recount with
/// <c>awardvote verify</c>; like every export, who took which count is audited (results review's links and the API's).
/// </summary>
public sealed class DownloadCount(AppDbContext db, AuditLog audit, Pseudonyms pseudonyms) : IUseCase
{
    public async Task<Outcome<CountDownload>> RunAsync(int resultId, CountFile file, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId, cancellationToken);
        return result is null ? Refusal.NotFound : await DownloadAsync(result, file, cancellationToken);
    }

    /// <summary>The count of round <paramref name="roundNumber"/> of the cycle in one category, as the API names it.</summary>
    public async Task<Outcome<CountDownload>> RunAsync(int cycleId, int roundNumber, int categoryId, CountFile file, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking()
            .Where(r => r.CategoryId == categoryId && db.Rounds.Any(x => x.Id == r.RoundId && x.CycleId == cycleId && x.Number == roundNumber))
            .SingleOrDefaultAsync(cancellationToken);
        return result is null ? Refusal.NotFound : await DownloadAsync(result, file, cancellationToken);
    }

    private async Task<Outcome<CountDownload>> DownloadAsync(RoundResult result, CountFile file, CancellationToken cancellationToken)
    {
        var cycleId = await db.Rounds.Where(r => r.Id == result.RoundId).Select(r => r.CycleId).SingleAsync(cancellationToken);
        audit.Record("export.downloaded", "RoundResult", result.Id,
            after: new { Export = file == CountFile.Ballots ? "ballot-file" : "protocol-json", result.RoundId, result.CategoryId }, cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
        return await FileAsync(db, pseudonyms, result, file, cancellationToken);
    }

    /// <summary>
    /// A count's file as handed out to anyone entitled to it (here and <see cref="Results.DownloadPublishedCount"/>):
    /// the ballot file's exact bytes, or the published protocol (with the chair's casting vote, if any).
    /// </summary>
    internal static async Task<CountDownload> FileAsync(AppDbContext db, Pseudonyms pseudonyms, RoundResult result, CountFile file, CancellationToken cancellationToken)
    {
        if (file == CountFile.Protocol)
            return new CountDownload(Encoding.UTF8.GetBytes((await PublishedProtocols.ForAsync(db, pseudonyms, result, cancellationToken)).ToJson()),
                $"protocol-round-{result.RoundId}-category-{result.CategoryId}.json", "application/json");
        var extension = result.BallotFile.StartsWith("juror,", StringComparison.Ordinal) ? "csv" : "txt";
        return new CountDownload(Encoding.UTF8.GetBytes(result.BallotFile), $"ballots-round-{result.RoundId}-category-{result.CategoryId}.{extension}",
            "text/plain; charset=utf-8");
    }
}
