using AwardVote.Application.Jury;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Security;

/// <summary>
/// A rule of the jury's. Its own requirement type, not <c>OperationAuthorizationRequirement</c>: the nomination's
/// handler answers every operation on a nomination it is asked about, and must not answer these.
/// </summary>
public sealed class JuryRequirement(string name) : IAuthorizationRequirement
{
    public string Name => name;

    public override string ToString() => $"Jury:{name}";
}

/// <summary>What a person may do with one jury panel (<see cref="Panel"/>) or, as a juror, with one nomination.</summary>
public static class PanelOperations
{
    /// <summary>
    /// Sit on the panel as its member: the juror's desk, ballots, declarations of conflict. Its jurors and its chair;
    /// not administrators (they enter a juror's paper ballot, not their own).
    /// </summary>
    public static readonly JuryRequirement Judge = new(nameof(Judge));

    /// <summary>Run the panel: progress, reminders, conflicts to decide, ties, the citation. Its chair and administrators.</summary>
    public static readonly JuryRequirement Manage = new(nameof(Manage));

    /// <summary>Give the casting vote on the panel's tie: its chair alone.</summary>
    public static readonly JuryRequirement BreakTie = new(nameof(BreakTie));

    /// <summary>
    /// On a nomination: open it as a juror. A member of its panel, once the nomination goes to the jury (submitted and
    /// eligible) and judging has begun. A confirmed conflict does not fail this: the page then says so and shows
    /// nothing of the nomination, and the ballot is refused.
    /// </summary>
    public static readonly JuryRequirement JudgeNomination = new(nameof(JudgeNomination));
}

/// <summary>
/// The jury's panel-scoped rules, read from the role grants on every request (a grant withdrawn or a chair replaced
/// takes effect at once, not at the next sign-in, and a bearer token carries no stale roles).
/// </summary>
public sealed class PanelAuthorizationHandler(AppDbContext db) : AuthorizationHandler<JuryRequirement, Panel>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, JuryRequirement requirement, Panel panel)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return;
        var userId = context.User.UserId();
        var allowed = requirement.Name switch
        {
            nameof(PanelOperations.Judge) => await JuryMembership.IsJurorAsync(db, userId, panel.CycleId, panel.CategoryId),
            nameof(PanelOperations.Manage) => context.User.IsAdministrator() || await JuryMembership.IsChairAsync(db, userId, panel.CycleId, panel.CategoryId),
            nameof(PanelOperations.BreakTie) => await JuryMembership.IsChairAsync(db, userId, panel.CycleId, panel.CategoryId),
            _ => false,
        };
        if (allowed)
            context.Succeed(requirement);
    }
}

/// <summary><see cref="PanelOperations.JudgeNomination"/>: the juror's rule on one nomination.</summary>
public sealed class JuryNominationAuthorizationHandler(AppDbContext db) : AuthorizationHandler<JuryRequirement, Nomination>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, JuryRequirement requirement, Nomination nomination)
    {
        if (requirement != PanelOperations.JudgeNomination || context.User.Identity?.IsAuthenticated != true)
            return;
        if (!JudgingRules.IsJudged(nomination)
            || !await JuryMembership.IsJurorAsync(db, context.User.UserId(), nomination.CycleId, nomination.CategoryId))
            return;
        var phase = await db.Cycles.Where(c => c.Id == nomination.CycleId).Select(c => c.Phase).SingleAsync();
        if (phase >= CyclePhase.Judging)
            context.Succeed(requirement);
    }
}

/// <summary>
/// The gate of the whole jury area (<see cref="Policies.Juror"/>, <see cref="Policies.Chair"/>): a person who sits on
/// some panel (or chairs one), or an administrator, who runs every panel. Which panel is the resource handlers'
/// business; a rule every juror and chair must meet (a second factor at sign-in, say) is added to these policies.
/// </summary>
public sealed class JuryAreaRequirement(bool chairOnly) : IAuthorizationRequirement
{
    public bool ChairOnly => chairOnly;
}

public sealed class JuryAreaAuthorizationHandler(AppDbContext db) : AuthorizationHandler<JuryAreaRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, JuryAreaRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
            return;
        if (context.User.IsAdministrator()
            || (requirement.ChairOnly
                ? await JuryMembership.ChairsAnyPanelAsync(db, context.User.UserId())
                : await JuryMembership.IsOnAnyPanelAsync(db, context.User.UserId())))
        {
            context.Succeed(requirement);
        }
    }
}
