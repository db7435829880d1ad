using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Application.Invitations;
using AwardVote.Application.Jury;
using AwardVote.Application.Ties;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Api;

/// <summary>
/// The jury in the JSON API, through the same use cases as the pages: the administrator's invitations and chair, the
/// invited person's answer, the juror's desk and declarations of conflict, and the chair's side of a panel (progress,
/// reminders, conflicts to propose and decide, ties waiting for the casting vote). Every id a call needs is listed by
/// another call: panels by <c>GET /api/me</c> (the caller's roles), conflicts and ties by the panel's lists.
/// </summary>
public static class JuryEndpoints
{
    public static void MapJuryApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin/cycles/{cycleId:int}/categories/{categoryId:int}/jury").WithTags("Jury")
            .RequireAuthorization(Policies.Administrator);
        admin.MapGet("/", GetPanel)
            .WithSummary("The panel's members (with their account ids) and its invitations")
            .Produces<PanelDto>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithExample(null, ExamplePanel);
        admin.MapPost("/invitations", Invite)
            .WithSummary("Invite a juror, or the chair, to the panel (a one-time link by e-mail)")
            .Produces<JuryInvitationDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithExample(new InviteJurorInput { Name = ExampleInvitee, Email = "anna@biblioteka.lv", AsChair = false },
                new JuryInvitationDto(31, "anna@biblioteka.lv", ScopedRole.Juror, ExampleTime, ExampleTime.AddDays(14)), StatusCodes.Status201Created);
        admin.MapDelete("/invitations/{invitationId:int}", CancelInvitation)
            .WithSummary("Cancel an invitation not yet answered: its link stops working")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/invitations/{invitationId:int}/resend", ResendInvitation)
            .WithSummary("Send an invitation not yet answered again: a new link, valid for 14 days from now (the old one stops working)")
            .Produces<JuryInvitationDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(null, new JuryInvitationDto(31, "anna@biblioteka.lv", ScopedRole.Juror, ExampleTime, ExampleTime.AddDays(20)));
        admin.MapDelete("/members/{userId}", RemoveMember)
            .WithSummary("Take a member off the panel (to replace them, invite another); their ballots of rounds not counted yet go with them")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/chair", PutChair)
            .WithSummary("Name a member of the panel its chair (the chair it had steps down)")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithExample(new ChairRequest("b3c1a2d4-0000-4000-8000-000000000001"), null, StatusCodes.Status204NoContent);

        var invitations = endpoints.MapGroup("/api/invitations").WithTags("Jury").RequireAuthorization(Policies.SignedIn);
        invitations.MapPost("/accept", Accept)
            .WithSummary("Accept an invitation (to the jury, or to represent a library) with the token of its e-mailed link")
            .Produces<AcceptedDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new TokenRequest("q2V9…"), new AcceptedDto(31, ScopedRole.Juror, null, 4, 9));
        invitations.MapPost("/decline", Decline)
            .WithSummary("Decline an invitation with the token of its e-mailed link")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new TokenRequest("q2V9…"), null, StatusCodes.Status204NoContent);

        var juror = endpoints.MapGroup("/api/jury").WithTags("Jury").RequireAuthorization(Policies.Juror);
        juror.MapPost("/nominations/{nominationId:int}/conflict", Declare)
            .WithSummary("Declare your conflict of interest with a nomination of your panel (your ballot on it is withdrawn)")
            .Produces<ConflictDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new DeclareConflictInput { Reason = "Mana māsa strādā šajā bibliotēkā." }, ExampleDeclared, StatusCodes.Status201Created);
        juror.MapDelete("/nominations/{nominationId:int}/conflict", Withdraw)
            .WithSummary("Withdraw your own declaration of a conflict while the round is open")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        juror.MapGet("/{cycleId:int}/{categoryId:int}/nominations", GetDesk)
            .WithSummary("Your desk: what you judge in the panel's open round, with your own ballot's state and your conflicts")
            .Produces<DeskDto>().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithExample(null, ExampleDesk);

        var chair = endpoints.MapGroup("/api/jury/{cycleId:int}/{categoryId:int}").WithTags("Jury").RequireAuthorization(Policies.Chair);
        chair.MapGet("/progress", GetProgress)
            .WithSummary("The panel's progress (counts only until the round closes); ?round=1 shows an earlier round").Produces<ProgressDto>();
        chair.MapPost("/reminders", Remind)
            .WithSummary("Remind the jurors with unfinished ballots now, one digest each, naming their unfinished nominations; a personal note if any ({} for none)")
            .Produces<RemindedDto>().ProducesValidationProblem()
            .WithExample(new RemindJurorsInput { Note = "Lūdzu, pabeidziet vērtējumus līdz piektdienai." }, new RemindedDto(3));
        chair.MapGet("/conflicts", GetConflicts)
            .WithSummary("The panel's conflicts of interest, with the ids their decisions need")
            .Produces<List<ConflictDto>>().WithExample(null, new List<ConflictDto> { ExampleProposed });
        chair.MapPost("/conflicts/propose", Propose)
            .WithSummary("Propose conflicts from what the system knows (each juror's library, represented libraries, municipality)")
            .Produces<ProposedDto>().WithExample(null, new ProposedDto(2));
        chair.MapPost("/conflicts/{id:int}/decision", Decide)
            .WithSummary("Confirm a proposed conflict, or dismiss it with a reason")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new DecideConflictInput { Confirm = false, Reason = "Cita iestāde tajā pašā pilsētā." }, null, StatusCodes.Status204NoContent);
        chair.MapPost("/conflicts", Add)
            .WithSummary("Record a juror's conflict the system cannot know (in force at once; the juror is told by e-mail)")
            .Produces<ConflictDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new AddConflictInput { JurorUserId = ExampleJurorId, NominationId = 40, Reason = "Žūrijas locekļa brālis vada šo bibliotēku." },
                ExampleAdded, StatusCodes.Status201Created);
        chair.MapPost("/conflicts/{id:int}/reopen", Reopen)
            .WithSummary("Reopen a decided conflict with a reason: proposed again, the juror cannot vote on the nomination until it is decided")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new ReopenConflictInput { Reason = "Atklājās, ka juroram ir līgums ar šo bibliotēku." }, null, StatusCodes.Status204NoContent);
        chair.MapGet("/ties", GetTies)
            .WithSummary("Counted results of the panel whose first-place tie waits for the chair's casting vote")
            .Produces<List<TieDto>>()
            .WithExample(null, new List<TieDto> { new(57, 2, ["Cēsu Centrālā bibliotēka", "Valmieras bibliotēka"]) });
    }

    private static readonly DateTimeOffset ExampleTime = new(2027, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private const string ExampleInvitee = "Anna Bērziņa";

    public sealed record MemberDto(string UserId, string Name, string Email, bool IsChair);
    public sealed record JuryInvitationDto(int Id, string Email,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ScopedRole>))] ScopedRole Role, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt,
        DateTimeOffset? AcceptedAt = null, DateTimeOffset? DeclinedAt = null);
    public sealed record PanelDto(int CycleId, int CategoryId, IReadOnlyList<MemberDto> Members, IReadOnlyList<JuryInvitationDto> Invitations);
    public sealed record ChairRequest(string? UserId);
    public sealed record TokenRequest(string? Token);
    public sealed record AcceptedDto(int InvitationId, [property: JsonConverter(typeof(JsonStringEnumConverter<ScopedRole>))] ScopedRole Role,
        int? LibraryId, int? CycleId, int? CategoryId);

    public sealed record ConflictDto(int Id, int NominationId, string LibraryName, string JurorUserId, string JurorName,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ConflictSource>))] ConflictSource Source, string Reason,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ConflictStatus>))] ConflictStatus Status, DateTimeOffset RaisedAt,
        string? DecidedByUserId, DateTimeOffset? DecidedAt, string? DecisionReason);
    public sealed record ProposedDto(int Added);
    public sealed record RemindedDto(int Reminded);
    public sealed record TieDto(int ResultId, int Round, IReadOnlyList<string> Tied);

    public sealed record DeskRowDto(int NominationId, string LibraryName, string? Summary, bool Conflicted,
        [property: JsonConverter(typeof(JsonStringEnumConverter<DeskBallotState>))] DeskBallotState Ballot, decimal? MyWeightedMean);
    /// <param name="Round">Null before judging begins; <c>Open</c>: ballots are taken now.</param>
    /// <param name="Done">Of <c>ToJudge</c> (the nominations without your conflict), those whose ballot is counted.</param>
    public sealed record DeskDto(int CycleId, int CategoryId, int? Round, string? BallotKind, bool Open, DateTimeOffset? ClosesAt,
        IReadOnlyList<DeskRowDto> Nominations, int Done, int ToJudge);

    /// <param name="Mean">Null until the round is closed.</param>
    /// <param name="Unfinished">The nominations the juror has not finished in the round, by library name.</param>
    /// <param name="LastRemindedAt">When the juror was last sent a reminder for the cycle; null if never.</param>
    public sealed record JurorProgressDto(string UserId, string Name, bool IsChair, int Complete, int Assigned, decimal? Mean, decimal? StandardDeviation,
        IReadOnlyList<string> Unfinished, DateTimeOffset? LastRemindedAt);
    public sealed record NominationProgressDto(int NominationId, string LibraryName, int Complete, int Assigned, bool FullyJudged);
    public sealed record ProgressDto(int CycleId, int CategoryId, int Round, bool RoundIsClosed, DateTimeOffset? ClosesAt,
        IReadOnlyList<JurorProgressDto> Jurors, IReadOnlyList<NominationProgressDto> Nominations);

    private static readonly PanelDto ExamplePanel = new(4, 9,
        [new MemberDto("b3c1a2d4-0000-4000-8000-000000000001", "Inese Kalniņa", "inese@biblioteka.example", true)],
        [new JuryInvitationDto(31, "anna@biblioteka.example", ScopedRole.Juror, ExampleTime, ExampleTime.AddDays(14))]);
    private static readonly ConflictDto ExampleProposed = new(12, 40, "Cēsu Centrālā bibliotēka", "b3c1a2d4-0000-4000-8000-000000000002",
        "Anna Bērziņa", ConflictSource.OwnLibrary, "Strādā Cēsu Centrālajā bibliotēkā", ConflictStatus.Proposed, ExampleTime, null, null, null);
    private static readonly ConflictDto ExampleDeclared = ExampleProposed with
    {
        Source = ConflictSource.DeclaredByJuror, Reason = "Mana māsa strādā šajā bibliotēkā.", Status = ConflictStatus.Confirmed,
        DecidedByUserId = ExampleProposed.JurorUserId, DecidedAt = ExampleTime,
    };
    private const string ExampleJurorId = "b3c1a2d4-0000-4000-8000-000000000002";
    private static readonly ConflictDto ExampleAdded = ExampleProposed with
    {
        Source = ConflictSource.DeclaredRelationship, Reason = "Žūrijas locekļa brālis vada šo bibliotēku.", Status = ConflictStatus.Confirmed,
        DecidedByUserId = "b3c1a2d4-0000-4000-8000-000000000001", DecidedAt = ExampleTime,
    };
    private static readonly DeskDto ExampleDesk = new(4, 9, 1, "Score", true, ExampleTime.AddDays(20),
        [new DeskRowDto(40, "Cēsu Centrālā bibliotēka", "Bibliotēka kā kopienas centrs", false, DeskBallotState.Complete, 4.25m)], 1, 1);

    private static async Task<IResult> GetPanel(int cycleId, int categoryId, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return TypedResults.NotFound();
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { g.Role, u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        var members = grants.GroupBy(g => g.Id)
            .Select(g => new MemberDto(g.Key, g.First().DisplayName, g.First().Email ?? "", g.Any(x => x.Role == ScopedRole.Chair)))
            .OrderByDescending(m => m.IsChair).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.CycleId == cycleId && i.CategoryId == categoryId && (i.Role == ScopedRole.Juror || i.Role == ScopedRole.Chair))
            .OrderByDescending(i => i.Id)
            .Select(i => new JuryInvitationDto(i.Id, i.Email, i.Role, i.InvitedAt, i.ExpiresAt, i.AcceptedAt, i.DeclinedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PanelDto(cycleId, categoryId, members, invitations));
    }

    private static async Task<IResult> Invite(int cycleId, int categoryId, InviteJurorInput input, HttpContext http, InviteJuror invite,
        CancellationToken cancellationToken) =>
        (await invite.RunAsync(cycleId, categoryId, http.User.UserId(), input, cancellationToken))
            .Answer(http, invitation => TypedResults.Created($"/api/admin/cycles/{cycleId}/categories/{categoryId}/jury",
                new JuryInvitationDto(invitation.Id, invitation.Email, invitation.Role, invitation.InvitedAt, invitation.ExpiresAt)));

    private static async Task<IResult> CancelInvitation(int cycleId, int categoryId, int invitationId, HttpContext http, CancelJuryInvitation cancel,
        CancellationToken cancellationToken) =>
        (await cancel.RunAsync(cycleId, categoryId, invitationId, cancellationToken)).Answer(http, TypedResults.NoContent);

    private static async Task<IResult> ResendInvitation(int cycleId, int categoryId, int invitationId, HttpContext http, ResendJuryInvitation resend,
        CancellationToken cancellationToken) =>
        (await resend.RunAsync(cycleId, categoryId, invitationId, http.User.UserId(), cancellationToken))
            .Answer(http, i => TypedResults.Ok(new JuryInvitationDto(i.Id, i.Email, i.Role, i.InvitedAt, i.ExpiresAt)));

    private static async Task<IResult> RemoveMember(int cycleId, int categoryId, string userId, HttpContext http, RemoveJuror remove,
        CancellationToken cancellationToken) =>
        (await remove.RunAsync(cycleId, categoryId, userId, cancellationToken)).Answer(http, TypedResults.NoContent);

    private static async Task<IResult> PutChair(int cycleId, int categoryId, ChairRequest request, HttpContext http, AppointChair appoint,
        CancellationToken cancellationToken) =>
        (await appoint.RunAsync(cycleId, categoryId, request.UserId, http.User.UserId(), cancellationToken)).Answer(http, TypedResults.NoContent);

    private static async Task<IResult> Accept(TokenRequest request, HttpContext http, AcceptInvitation accept, CancellationToken cancellationToken) =>
        (await accept.RunAsync(request.Token, http.User.UserId(), cancellationToken))
            .Answer(http, a => TypedResults.Ok(new AcceptedDto(a.InvitationId, a.Role, a.LibraryId, a.CycleId, a.CategoryId)));

    private static async Task<IResult> Decline(TokenRequest request, HttpContext http, DeclineInvitation decline, CancellationToken cancellationToken) =>
        (await decline.RunAsync(request.Token, cancellationToken)).Answer(http, TypedResults.NoContent);

    private static async Task<IResult> Declare(int nominationId, DeclareConflictInput input, HttpContext http, AppDbContext db,
        DeclareConflict declare, CancellationToken cancellationToken)
    {
        if (await JudgedNominationAsync(http, db, nominationId, cancellationToken) is { } refused)
            return refused;
        var outcome = await declare.RunAsync(http.User.UserId(), nominationId, input, cancellationToken);
        if (!outcome.Succeeded)
            return OutcomeResults.Problem(outcome, http);
        var conflict = outcome.Value!;
        var library = await db.Nominations.Where(n => n.Id == nominationId).Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => x.Name)
            .SingleAsync(cancellationToken);
        var juror = await db.Users.Where(u => u.Id == conflict.JurorUserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/jury/nominations/{nominationId}/conflict", new ConflictDto(conflict.Id, nominationId, library,
            conflict.JurorUserId, juror, conflict.Source, conflict.Reason, conflict.Status, conflict.RaisedAt, conflict.DecidedByUserId,
            conflict.DecidedAt, conflict.DecisionReason));
    }

    private static async Task<IResult> Withdraw(int nominationId, HttpContext http, AppDbContext db, WithdrawConflict withdraw,
        CancellationToken cancellationToken)
    {
        if (await JudgedNominationAsync(http, db, nominationId, cancellationToken) is { } refused)
            return refused;
        return (await withdraw.RunAsync(http.User.UserId(), nominationId, cancellationToken)).Answer(http, TypedResults.NoContent);
    }

    /// <summary>The nomination exists and the caller judges it (<see cref="PanelOperations.JudgeNomination"/>), as on the page.</summary>
    private static async Task<IResult?> JudgedNominationAsync(HttpContext http, AppDbContext db, int nominationId, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nominationId, cancellationToken);
        if (nomination is null)
            return TypedResults.NotFound();
        return await http.ForbidUnlessAsync(nomination, PanelOperations.JudgeNomination);
    }

    private static async Task<IResult> GetDesk(int cycleId, int categoryId, HttpContext http, JurorDesk desk, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Judge) is { } denied)
            return denied;
        if (await desk.RunAsync(http.User.UserId(), cycleId, categoryId, cancellationToken) is not { } mine)
            return TypedResults.NotFound();
        var started = mine.JudgingHasBegun;
        return TypedResults.Ok(new DeskDto(cycleId, categoryId, started ? mine.Round!.Number : null, started ? mine.Round!.Kind.ToString() : null,
            mine.Open, mine.ClosesAt,
            mine.Rows.Select(r => new DeskRowDto(r.NominationId, r.LibraryName, r.Summary, r.Conflicted, r.State, r.MyWeightedMean)).ToList(),
            mine.Done, mine.ToJudge));
    }

    private static async Task<IResult> GetProgress(int cycleId, int categoryId, int? round, HttpContext http, PanelProgress progress, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        if (await progress.RunAsync(cycleId, categoryId, clock.GetUtcNow(), round, cancellationToken) is not { } report)
            return TypedResults.NotFound();
        // PanelProgress leaves means empty before the round is closed and counted; checked again here because this is
        // where they leave the server.
        var closed = report.ScoresOpen;
        return TypedResults.Ok(new ProgressDto(cycleId, categoryId, report.RoundNumber, report.RoundIsClosed, report.ClosesAt,
            report.Jurors.Select(j => new JurorProgressDto(j.UserId, j.Name, j.IsChair, j.Complete, j.Assigned,
                closed ? j.Mean : null, closed ? j.StandardDeviation : null, j.UnfinishedNominations, j.LastRemindedAt)).ToList(),
            report.Nominations.Select(n => new NominationProgressDto(n.NominationId, n.LibraryName, n.Complete, n.Assigned, n.FullyScored)).ToList()));
    }

    private static async Task<IResult> Remind(int cycleId, int categoryId, RemindJurorsInput input, HttpContext http, RemindJurors remind,
        CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        return (await remind.RunAsync(cycleId, categoryId, input, cancellationToken)).Answer(http, count => TypedResults.Ok(new RemindedDto(count)));
    }

    private static async Task<IResult> GetConflicts(int cycleId, int categoryId, HttpContext http, ListPanelConflicts list,
        CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        if (await list.RunAsync(cycleId, categoryId, cancellationToken) is not { } rows)
            return TypedResults.NotFound();
        return TypedResults.Ok(rows.Select(ToDto).ToList());
    }

    private static async Task<IResult> Propose(int cycleId, int categoryId, HttpContext http, ProposeConflicts propose, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        return (await propose.RunAsync(cycleId, categoryId, cancellationToken)).Answer(http, added => TypedResults.Ok(new ProposedDto(added)));
    }

    private static async Task<IResult> Decide(int cycleId, int categoryId, int id, DecideConflictInput input, HttpContext http,
        DecideConflict decide, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        return (await decide.RunAsync(cycleId, categoryId, id, input, http.User.UserId(), cancellationToken)).Answer(http, _ => TypedResults.NoContent());
    }

    private static async Task<IResult> Add(int cycleId, int categoryId, AddConflictInput input, HttpContext http, AddConflict add,
        ListPanelConflicts list, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        var outcome = await add.RunAsync(cycleId, categoryId, input, http.User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
            return OutcomeResults.Problem(outcome, http);
        var row = (await list.RunAsync(cycleId, categoryId, cancellationToken))!.Single(r => r.Id == outcome.Value!.Id);
        return TypedResults.Created($"/api/jury/{cycleId}/{categoryId}/conflicts", ToDto(row));
    }

    private static async Task<IResult> Reopen(int cycleId, int categoryId, int id, ReopenConflictInput input, HttpContext http,
        ReopenConflict reopen, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        return (await reopen.RunAsync(cycleId, categoryId, id, input, http.User.UserId(), cancellationToken)).Answer(http, TypedResults.NoContent);
    }

    private static async Task<IResult> GetTies(int cycleId, int categoryId, HttpContext http, TiesAwaitingCastingVote ties,
        CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        return TypedResults.Ok((await ties.RunAsync(cycleId, categoryId, cancellationToken)).Select(t => new TieDto(t.ResultId, t.RoundNumber, t.Tied)).ToList());
    }

    private static ConflictDto ToDto(PanelConflictRow r) => new(r.Id, r.NominationId, r.LibraryName, r.JurorUserId, r.JurorName, r.Source, r.Reason,
        r.Status, r.RaisedAt, r.DecidedByUserId, r.DecidedAt, r.DecisionReason);
}
