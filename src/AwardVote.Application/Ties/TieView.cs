using AwardVote.Application.Jury;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Ties;

/// <summary>A counted result as the chair's casting vote reads it: its panel, the tied names, the vote if given.</summary>
public sealed record Tie(RoundResult Result, AwardCycle Cycle, int RoundNumber, CountProtocol Protocol, IReadOnlyList<string> Tied, CastingVote? Vote)
{
    public Panel Panel => new(Cycle.Id, Result.CategoryId);
}

/// <summary>Reads one counted result for the casting-vote page and for <see cref="CastCastingVote"/>.</summary>
public static class TieView
{
    public static async Task<Tie?> LoadAsync(AppDbContext db, int resultId, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId, cancellationToken);
        if (result is null)
            return null;
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == result.RoundId, cancellationToken);
        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == round.CycleId, cancellationToken);
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        var vote = await db.CastingVotes.AsNoTracking().SingleOrDefaultAsync(v => v.RoundResultId == resultId, cancellationToken);
        return new Tie(result, cycle, round.Number, protocol, TieRules.TiedForFirst(protocol), vote);
    }

    /// <summary>The panel a result belongs to, for the authorization check before anything of it is read.</summary>
    public static async Task<Panel?> PanelOfAsync(AppDbContext db, int resultId, CancellationToken cancellationToken) =>
        await db.RoundResults.Where(r => r.Id == resultId)
            .Join(db.Rounds, r => r.RoundId, x => x.Id, (r, x) => new Panel(x.CycleId, r.CategoryId))
            .SingleOrDefaultAsync(cancellationToken);
}
