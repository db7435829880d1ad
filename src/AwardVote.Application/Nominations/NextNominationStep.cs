using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>Where a person stands on the way to a nomination: account → library registered → approved → nomination.</summary>
public enum NominationStepKind
{
    /// <summary>Signed out: create an account or sign in.</summary>
    Account,
    /// <summary>Signed in without a library (or only refused ones): register the library.</summary>
    RegisterLibrary,
    /// <summary>The library waits for the association's approval: the draft can be written meanwhile.</summary>
    WriteDraftWhileAwaitingApproval,
    /// <summary>Approved, no nomination in this cycle yet.</summary>
    Nominate,
    /// <summary>A draft of this cycle waits to be finished and submitted.</summary>
    FinishDraft,
    /// <summary>Submitted: nothing more to do before the deadline.</summary>
    Submitted,
}

/// <summary>The step and the nomination it is about, if there is one.</summary>
public sealed record NominationStep(NominationStepKind Kind, int? NominationId = null, string? LibraryName = null);

/// <summary>
/// The front door's answer to "what do I do next to nominate my library in this cycle", for the home page and the
/// cycle's page alike: a librarian arriving from the association's letter should never have to guess the next step.
/// </summary>
public sealed class NextNominationStep(AppDbContext db) : IUseCase
{
    public async Task<NominationStep> RunAsync(string? userId, int cycleId, CancellationToken cancellationToken)
    {
        if (userId is null)
            return new NominationStep(NominationStepKind.Account);
        var libraries = await (
                from grant in db.RoleGrants
                where grant.UserId == userId && grant.Role == ScopedRole.LibraryRepresentative
                join library in db.Libraries on grant.LibraryId equals library.Id
                where library.Status != LibraryStatus.Refused
                orderby library.Name
                select new { library.Id, library.Name, library.Status })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (libraries.Count == 0)
            return new NominationStep(NominationStepKind.RegisterLibrary);

        var ids = libraries.Select(x => x.Id).ToList();
        var own = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycleId && ids.Contains(n.LibraryId)
                        && (n.Status == NominationStatus.Draft || n.Status == NominationStatus.Submitted))
            .OrderBy(n => n.Status == NominationStatus.Draft ? 0 : 1)
            .Select(n => new { n.Id, n.LibraryId, n.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            var name = libraries.Single(x => x.Id == own.LibraryId).Name;
            return own.Status == NominationStatus.Draft
                ? new NominationStep(NominationStepKind.FinishDraft, own.Id, name)
                : new NominationStep(NominationStepKind.Submitted, own.Id, name);
        }
        var approved = libraries.FirstOrDefault(x => x.Status == LibraryStatus.Approved);
        return approved is not null
            ? new NominationStep(NominationStepKind.Nominate, LibraryName: approved.Name)
            : new NominationStep(NominationStepKind.WriteDraftWhileAwaitingApproval, LibraryName: libraries[0].Name);
    }

    /// <summary>The moment nominations close (the next step's start), or null when the schedule has none.</summary>
    public static DateTimeOffset? NominationsClose(AwardCycle cycle) =>
        cycle.Phase == CyclePhase.NominationsOpen ? PhasePlan.NextStep(cycle)?.StartsAt : null;
}
