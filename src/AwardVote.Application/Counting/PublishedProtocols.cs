using AwardVote.Domain.Counting;
using AwardVote.Domain.Results;
using AwardVote.Application.Privacy;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Counting;

/// <summary>
/// The protocol of a counted result as it is shown and handed out: the count's own, and once the chair has broken its
/// tie, with the casting vote in it (<see cref="TieRules.WithCastingVote"/>: who, whom, why, when, and the order it
/// makes). Results review, the printable protocol, the downloads, the exports and the API all read it here, so none
/// shows a broken tie as still open; the stored count itself is never changed. A chair whose account is erased is
/// named by their pseudonym (<see cref="PeopleNames"/>), never by the account id the casting vote keeps; the stored
/// protocol and its hash do not name the chair at all.
/// </summary>
public static class PublishedProtocols
{
    public static async Task<CountProtocol> ForAsync(AppDbContext db, Pseudonyms pseudonyms, RoundResult result, CancellationToken cancellationToken) =>
        (await ForAsync(db, pseudonyms, [result], cancellationToken))[result.Id];

    /// <summary>Each result's published protocol, by result id.</summary>
    public static async Task<IReadOnlyDictionary<int, CountProtocol>> ForAsync(AppDbContext db, Pseudonyms pseudonyms, IReadOnlyCollection<RoundResult> results,
        CancellationToken cancellationToken)
    {
        var ids = results.Select(r => r.Id).ToList();
        var votes = await db.CastingVotes.AsNoTracking().Where(v => ids.Contains(v.RoundResultId))
            .ToDictionaryAsync(v => v.RoundResultId, cancellationToken);
        var chairs = await PeopleNames.ForAsync(db, pseudonyms, votes.Values.Select(v => v.ChairUserId), cancellationToken);
        return results.ToDictionary(r => r.Id, r => Of(r, votes.GetValueOrDefault(r.Id), chairs));
    }

    private static CountProtocol Of(RoundResult result, CastingVote? vote, IReadOnlyDictionary<string, string> chairs)
    {
        var counted = CountProtocol.FromJson(result.ProtocolJson);
        return vote is null
            ? counted
            : TieRules.WithCastingVote(counted, new CastingVoteRecord(chairs[vote.ChairUserId], vote.ChosenName, vote.Reason, vote.CastAt));
    }
}
