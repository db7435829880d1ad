using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>What a letter-of-support link is about: whose nomination, and who was asked.</summary>
public sealed record EndorsementLink(int EndorsementId, int NominationId, LibraryName LibraryName, string EndorserName);

/// <summary>
/// The endorser opens the one-time link: it works once, until it expires, and while the nomination still takes
/// letters. A made-up, revoked or spent token opens nothing. (The endorser's page and the API.)
/// </summary>
public sealed class OpenEndorsementLink(AppDbContext db, TimeProvider clock) : IUseCase
{
    public const int MaxTokenLength = 200;

    public async Task<Outcome<EndorsementLink>> RunAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength)
            return NotValid;
        var hash = OneTimeToken.Hash(token);
        if (await db.Endorsements.AsNoTracking().SingleOrDefaultAsync(e => e.TokenHash == hash, cancellationToken) is not { } endorsement
            || endorsement.Status == EndorsementStatus.Revoked)
            return NotValid;
        if (endorsement.Status == EndorsementStatus.Received)
            return Refusal.Conflict(RefusalCode.EndorsementLinkUsed);
        if (endorsement.TokenExpiresAt <= clock.GetUtcNow())
            return Refusal.Conflict(RefusalCode.EndorsementLinkExpired);
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == endorsement.NominationId, cancellationToken);
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        // A closed nomination takes no more letters; one still waiting for its nominee's confirmation gathers them as before.
        if (NominationLock.WhyClosed(cycle, nomination, clock.GetUtcNow()) is not null && nomination.Status != NominationStatus.AwaitingNomineeConfirmation)
            return Refusal.Conflict(RefusalCode.EndorsementsClosed);
        var library = LibraryName.Of(await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken));
        return new EndorsementLink(endorsement.Id, nomination.Id, library, endorsement.EndorserName);
    }

    private static Refusal NotValid => Refusal.Invalid("Token", RefusalCode.EndorsementLinkNotValid);
}
