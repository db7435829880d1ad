using AwardVote.Domain.Counting;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Counting;

/// <summary>
/// The protocol of a counted result as it is shown and handed out: the count's own, and once the chair has broken its
/// tie, with the casting vote in it (<see cref="TieRules.WithCastingVote"/>: who, whom, why, when, and the order it
/// makes). Results review, the printable protocol, the downloads, the exports and the API all read it here, so none
/// shows a broken tie as still open; the stored count itself is never changed.
/// </summary>
public static class PublishedProtocols
{
    public static async Task<CountProtocol> ForAsync(AppDbContext db, RoundResult result, CancellationToken cancellationToken) =>
        (await ForAsync(db, [result], cancellationToken))[result.Id];

    /// <summary>Each result's published protocol, by result id.</summary>
    public static async Task<IReadOnlyDictionary<int, CountProtocol>> ForAsync(AppDbContext db, IReadOnlyCollection<RoundResult> results,
        CancellationToken cancellationToken)
    {
        var ids = results.Select(r => r.Id).ToList();
        var votes = await db.CastingVotes.AsNoTracking().Where(v => ids.Contains(v.RoundResultId))
            .ToDictionaryAsync(v => v.RoundResultId, cancellationToken);
        var chairIds = votes.Values.Select(v => v.ChairUserId).Distinct().ToList();
        var chairs = await db.Users.AsNoTracking().Where(u => chairIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return results.ToDictionary(r => r.Id, r => Of(r, votes.GetValueOrDefault(r.Id), chairs));
    }

    private static CountProtocol Of(RoundResult result, CastingVote? vote, IReadOnlyDictionary<string, string> chairs)
    {
        var counted = CountProtocol.FromJson(result.ProtocolJson);
        return vote is null
            ? counted
            : TieRules.WithCastingVote(counted, new CastingVoteRecord(chairs.GetValueOrDefault(vote.ChairUserId, vote.ChairUserId), vote.ChosenName, vote.Reason, vote.CastAt));
    }
}
