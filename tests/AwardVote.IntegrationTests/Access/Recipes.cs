using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Security;
using AwardVote.Web.Pages.Admin.Cycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AwardVote.IntegrationTests.Access.Cell;

namespace AwardVote.IntegrationTests.Access;

/// <summary>
/// The request the matrix sends to each endpoint. A new endpoint without a recipe here still runs, with
/// <see cref="Default"/> (route and query values filled in by name); write one here when those are not the ids it needs.
/// </summary>
public static partial class Recipes
{
    public static IReadOnlyList<Recipe> All { get; } = Build();

    private static Recipe Read(string endpoint, Func<Cell, string> url, bool perPhase = true) => new()
    {
        Endpoint = endpoint, PerPhase = perPhase, Writes = false, Build = c => Task.FromResult(Get(url(c))),
    };

    private static Recipe Post(string endpoint, Func<Cell, HttpRequestMessage> request, bool perPhase = true, bool? writes = null,
        Func<Cell, Task>? prepare = null, bool isolated = false) => new()
    {
        Endpoint = endpoint, PerPhase = perPhase, Writes = writes, Prepare = prepare, Isolated = isolated,
        Build = c => Task.FromResult(request(c)),
    };

    private static List<Recipe> Build() =>
    [
        // Public pages and accounts: the same in every phase.
        Read("GET /", _ => "/", perPhase: false),
        Read("GET /robots.txt", _ => "/robots.txt", perPhase: false),
        Read("GET /sitemap.xml", _ => "/sitemap.xml", perPhase: false),
        Read("GET /Account/AccessDenied", _ => "/Account/AccessDenied", perPhase: false),
        Read("GET /Account/ConfirmEmail", _ => "/Account/ConfirmEmail?userId=nobody&code=bad", perPhase: false),
        Read("GET /Account/ForgotPassword", _ => "/Account/ForgotPassword", perPhase: false),
        Post("POST /Account/ForgotPassword", c => c.Form("/Account/ForgotPassword", ("Input.Email", Unknown())), perPhase: false, writes: false, isolated: true),
        Read("GET /Account/ForgotPasswordConfirmation", _ => "/Account/ForgotPasswordConfirmation", perPhase: false),
        Read("GET /Account/Lockout", _ => "/Account/Lockout", perPhase: false),
        Read("GET /Account/Login", _ => "/Account/Login", perPhase: false),
        Post("POST /Account/Login", c => c.Form("/Account/Login", ("Input.Email", c.World.Spare.Email), ("Input.Password", AccessWorld.Password)),
            perPhase: false, writes: false, isolated: true),
        Read("GET /Account/Logout", _ => "/Account/Logout", perPhase: false),
        Post("POST /Account/Logout", c => c.Form("/Account/Logout"), perPhase: false, writes: false, isolated: true,
            prepare: c => c.SignInAgainAfterAsync()),
        Read("GET /Account/Manage/Sessions", _ => "/Account/Manage/Sessions", perPhase: false),
        Post("POST /Account/Manage/Sessions", c => c.Form("/Account/Manage/Sessions"), perPhase: false, writes: false, isolated: true,
            prepare: c => c.SignInAgainAfterAsync()),
        Read("GET /Account/Register", _ => "/Account/Register", perPhase: false),
        Post("POST /Account/Register", c => c.Form("/Account/Register", ("Input.DisplayName", "Jauna lasītāja"), ("Input.Email", Unknown()),
                ("Input.Password", AccessWorld.Password), ("Input.ConfirmPassword", AccessWorld.Password), ("Input.PreferredCulture", "lv")),
            perPhase: false, writes: false, isolated: true),
        Read("GET /Account/RegisterConfirmation", _ => "/Account/RegisterConfirmation", perPhase: false),
        Read("GET /Account/ResetPassword", _ => "/Account/ResetPassword?code=bad", perPhase: false),
        Post("POST /Account/ResetPassword", c => c.Form("/Account/ResetPassword", ("Input.Email", Unknown()), ("Input.Code", "bad"),
                ("Input.Password", AccessWorld.Password), ("Input.ConfirmPassword", AccessWorld.Password)),
            perPhase: false, writes: false, isolated: true),
        // The sign-in's second step and passkeys (issue 15): without a password step first, the steps send back to the sign-in.
        Read("GET /Account/LoginWith2fa", _ => "/Account/LoginWith2fa", perPhase: false),
        Post("POST /Account/LoginWith2fa", c => c.Form("/Account/LoginWith2fa", ("Input.Code", "000000")), perPhase: false, writes: false, isolated: true),
        Read("GET /Account/LoginWithRecoveryCode", _ => "/Account/LoginWithRecoveryCode", perPhase: false),
        Post("POST /Account/LoginWithRecoveryCode", c => c.Form("/Account/LoginWithRecoveryCode", ("Input.Code", "AAAAA-BBBBB")), perPhase: false, writes: false, isolated: true),
        Read("GET /Account/LoginWithPasskey", _ => "/Account/LoginWithPasskey", perPhase: false),
        Post("POST /Account/LoginWithPasskey", c => c.Form("/Account/LoginWithPasskey", ("Credential", "{}")), perPhase: false, writes: false, isolated: true),
        Post("POST /Account/LoginWithPasskey?handler=Options", c => c.Form("/Account/LoginWithPasskey?handler=Options"), perPhase: false, writes: false, isolated: true),
        // The account's own security pages: anyone signed in, for their own account only (no id to name another's).
        Read("GET /Account/Manage/TwoFactor", _ => "/Account/Manage/TwoFactor", perPhase: false),
        Post("POST /Account/Manage/TwoFactor?handler=Disable", c => c.Form("/Account/Manage/TwoFactor?handler=Disable", ("Disable.Code", "000000")), perPhase: false, writes: false),
        Post("POST /Account/Manage/TwoFactor?handler=RecoveryCodes", c => c.Form("/Account/Manage/TwoFactor?handler=RecoveryCodes", ("Codes.Code", "000000")), perPhase: false, writes: false),
        Read("GET /Account/Manage/EnableAuthenticator", _ => "/Account/Manage/EnableAuthenticator", perPhase: false),
        Post("POST /Account/Manage/EnableAuthenticator", c => c.Form("/Account/Manage/EnableAuthenticator", ("Input.Code", "000000")), perPhase: false, writes: false),
        Read("GET /Account/Manage/Passkeys", _ => "/Account/Manage/Passkeys", perPhase: false),
        Post("POST /Account/Manage/Passkeys?handler=CreationOptions", c => c.Form("/Account/Manage/Passkeys?handler=CreationOptions"), perPhase: false, writes: false),
        Post("POST /Account/Manage/Passkeys?handler=Add", c => c.Form("/Account/Manage/Passkeys?handler=Add", ("Input.Name", "Tālrunis"), ("Input.Password", "not the password"), ("Credential", "{}")),
            perPhase: false, writes: false),
        Post("POST /Account/Manage/Passkeys?handler=Remove", c => c.Form("/Account/Manage/Passkeys?handler=Remove", ("Remove.CredentialId", "AAAA"), ("Remove.Password", "not the password")),
            perPhase: false, writes: false),
        // "My data" (issue 17): the signed-in person's own data, with no id to name anyone else's.
        Read("GET /Account/Manage/Data", _ => "/Account/Manage/Data", perPhase: false),
        Read("GET /Account/Manage/Data?handler=Download", _ => "/Account/Manage/Data?handler=Download", perPhase: false),
        Read("GET /api/account/data", _ => "/api/account/data", perPhase: false),
        // A person's data for a postal request: administrators only, audited with the request's reference.
        Read("GET /Admin/People/Export", _ => "/Admin/People/Export", perPhase: false),
        Post("POST /Admin/People/Export", c => c.Form("/Admin/People/Export", ("Input.Email", c.World.Spare.Email), ("Input.Reason", "Vēstule Nr. 1")),
            perPhase: false),
        Post("POST /Admin/People/Export?handler=Download", c => c.Form("/Admin/People/Export?handler=Download", ("Input.Email", c.World.Spare.Email),
            ("Input.Reason", "Vēstule Nr. 1")), perPhase: false),
        Post("POST /api/admin/people/data", c => Json(HttpMethod.Post, "/api/admin/people/data", new { email = c.World.Spare.Email, reason = "Vēstule Nr. 1" }),
            perPhase: false),
        Read("GET /Culture", _ => "/Culture", perPhase: false),
        Post("POST /Culture", c => c.Form("/Culture", ("culture", "lv"), ("returnUrl", "/")), perPhase: false, writes: false, isolated: true),
        Read("GET /Error", _ => "/Error?code=404", perPhase: false),
        Post("POST /Error", c => c.Form("/Error?code=404"), perPhase: false, writes: false),
        Read("GET /Cycles", _ => "/Cycles", perPhase: false),
        Read("GET /Cycles/{slug}", c => $"/Cycles/{c.C.Slug}"),

        // Letters of support: anyone holding the link, until nominations close.
        Read("GET /Endorse", c => $"/Endorse?token={c.C.EndorsementToken}"),
        new Recipe
        {
            Endpoint = "POST /Endorse",
            Prepare = async c => c.TargetText = await c.World.QueryAsync(db => AccessWorld.EndorsementAsync(db, c.C.NominationA)),
            Build = c => Task.FromResult(c.Form($"/Endorse?token={c.TargetText}", ("Input.Letter", "Atbalstām."), ("Input.WantsResults", "false"))),
        },

        // Invitations: any signed-in account may take one (the page says which address was invited).
        new Recipe
        {
            Endpoint = "GET /Invitations/Accept", PerPhase = false,
            Prepare = async c => c.TargetText = await c.World.LibraryInvitationAsync(),
            Build = c => Task.FromResult(Get($"/Invitations/Accept?token={c.TargetText}")),
        },
        new Recipe
        {
            Endpoint = "POST /Invitations/Accept", PerPhase = false, Isolated = true,
            Prepare = async c =>
            {
                c.TargetText = await c.World.LibraryInvitationAsync();
                c.Restore = () => DropGrantsAsync(c, ScopedRole.LibraryRepresentative, c.World.LibraryE);
            },
            Build = c => Task.FromResult(c.Form($"/Invitations/Accept?token={c.TargetText}")),
        },
        new Recipe
        {
            Endpoint = "POST /Invitations/Accept?handler=Decline", PerPhase = false,
            Prepare = async c => c.TargetText = await c.World.LibraryInvitationAsync(),
            Build = c => Task.FromResult(c.Form($"/Invitations/Accept?token={c.TargetText}&handler=Decline")),
        },

        // Libraries.
        Read("GET /Libraries", _ => "/Libraries", perPhase: false),
        Read("GET /Libraries/Invite", c => $"/Libraries/Invite?id={c.World.LibraryA}", perPhase: false),
        Post("POST /Libraries/Invite", c => c.Form($"/Libraries/Invite?id={c.World.LibraryA}", ("Input.Name", "Kolēģe"), ("Input.Email", Unknown())),
            perPhase: false),
        Read("GET /Libraries/Register", _ => "/Libraries/Register", perPhase: false),
        Post("POST /Libraries/Register?handler=Propose", c => c.Form("/Libraries/Register?handler=Propose", ("Input.Name", "Inešu bibliotēka")),
            perPhase: false, writes: false),
        new Recipe
        {
            Endpoint = "POST /Libraries/Register", PerPhase = false, Isolated = true,
            Prepare = c =>
            {
                c.TargetText = UniqueNumber();
                c.Restore = () => DropGrantsOfRegisteredAsync(c);
                return Task.CompletedTask;
            },
            Build = c => Task.FromResult(c.Form("/Libraries/Register", LibraryForm(c.TargetText).Select(f => ($"Input.{f.Key}", f.Value)))),
        },

        // A library's nominations; "the nomination concerned" is library A's.
        Read("GET /Nominations", _ => "/Nominations", perPhase: false),
        Post("POST /Nominations?handler=Start", c => c.Form("/Nominations?handler=Start", ("Start.CycleCategory", $"{c.C.CycleId}:{c.C.CategoryId}"),
                ("Start.ActingLibraryId", $"{c.World.LibraryA}"), ("Start.NomineeLibraryId", $"{c.World.LibraryD}")),
            prepare: c =>
            {
                c.Restore = () => c.World.ExecuteAsync(db => db.Nominations.Where(n => n.CycleId == c.C.CycleId && n.LibraryId == c.World.LibraryD).ExecuteDeleteAsync());
                return Task.CompletedTask;
            }),
        Post("POST /Nominations?handler=Confirm", c => c.Form($"/Nominations?handler=Confirm&id={c.C.NominationA}&accept=true"),
            prepare: c => KeepAAsync(c, NominationStatus.AwaitingNomineeConfirmation)),
        Read("GET /Nominations/Edit", c => $"/Nominations/Edit?id={c.C.NominationA}"),
        EditPost("Save"),
        EditPost("Submit"),
        EditPost("Withdraw", NominationStatus.Submitted),
        EditPost("Resubmit", NominationStatus.Submitted, " (labots)"),
        Read("GET /Nominations/Preview", c => $"/Nominations/Preview?id={c.C.NominationA}"),
        Read("GET /Nominations/Attachments", c => $"/Nominations/Attachments?id={c.C.NominationA}"),
        new Recipe
        {
            Endpoint = "POST /Nominations/Attachments?handler=Upload",
            Build = c => Task.FromResult(c.Upload($"/Nominations/Attachments?id={c.C.NominationA}&handler=Upload",
                [("Input.Caption", "Lasītava"), ("Input.ConsentGiven", "true")], "Input.File", "lasitava.png", AccessWorld.Png(10, 10))),
        },
        new Recipe
        {
            Endpoint = "POST /Nominations/Attachments?handler=Delete",
            Prepare = async c =>
            {
                await using var scope = c.World.App.Scope();
                var attachment = await AccessWorld.AttachmentAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                    scope.ServiceProvider.GetRequiredService<AttachmentStore>(), c.C.NominationA, AttachmentKind.Pdf);
                c.Target = attachment.Id;
                c.Restore = () => c.World.ExecuteAsync(db => db.Attachments.Where(a => a.Id == attachment.Id).ExecuteDeleteAsync());
            },
            Build = c => Task.FromResult(c.Form($"/Nominations/Attachments?id={c.C.NominationA}&handler=Delete", ("attachmentId", $"{c.Target}"))),
        },
        Read("GET /Nominations/Endorsements", c => $"/Nominations/Endorsements?id={c.C.NominationA}"),
        Post("POST /Nominations/Endorsements?handler=Request", c => c.Form($"/Nominations/Endorsements?id={c.C.NominationA}&handler=Request",
            ("Input.Name", "Novada dome"), ("Input.Email", Unknown()), ("Input.Culture", "lv"))),
        Read("GET /Nominations/File", c => $"/Nominations/File?id={c.C.PhotoId}") with { Variant = "photo" },
        Read("GET /Nominations/File", c => $"/Nominations/File?id={c.C.PdfId}") with { Variant = "pdf" },

        // The jury.
        Read("GET /Jury", c => $"/Jury?cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}"),
        Read("GET /Jury/Nomination", c => $"/Jury/Nomination?id={c.C.NominationA}"),
        Post("POST /Jury/Nomination", c => c.Form($"/Jury/Nomination?id={c.C.NominationA}",
            c.C.CriterionIds.Select(id => ($"Input.Scores[{id}]", "1")).Append(("Input.Abstained", "false")))),
        Read("GET /Jury/Declare", c => $"/Jury/Declare?id={c.C.NominationA}"),
        Post("POST /Jury/Declare", c => c.Form($"/Jury/Declare?id={c.C.NominationA}", ("Input.Reason", "Mana māsa tur strādā.")),
            prepare: c =>
            {
                c.Restore = () => c.World.ExecuteAsync(db => db.Conflicts
                    .Where(x => x.NominationId == c.C.NominationA && x.JurorUserId == c.UserId && x.Source == ConflictSource.DeclaredByJuror)
                    .ExecuteDeleteAsync());
                return Task.CompletedTask;
            }),
        Post("POST /Jury/Declare?handler=Withdraw", c => c.Form($"/Jury/Declare?id={c.C.NominationC}&handler=Withdraw"),
            prepare: DeclaredOnCAsync),
        Read("GET /Jury/Conflicts", c => $"/Jury/Conflicts?{Panel(c)}"),
        Post("POST /Jury/Conflicts?handler=Propose", c => c.Form($"/Jury/Conflicts?{Panel(c)}&handler=Propose"),
            prepare: c => ClearSecretJurorConflictsAsync(c)),
        Post("POST /Jury/Conflicts?handler=Decide", c => c.Form($"/Jury/Conflicts?{Panel(c)}&handler=Decide",
                ("Decision.ConflictId", $"{c.Target}"), ("Decision.Confirm", "true")),
            prepare: ProposeConflictAsync),
        Post("POST /Jury/Conflicts?handler=Add", c => c.Form($"/Jury/Conflicts?{Panel(c)}&handler=Add",
                ("NewConflict.JurorUserId", c.World.SecretJuror.Id), ("NewConflict.NominationId", $"{c.C.NominationC}"),
                ("NewConflict.Reason", "Brālis vada šo bibliotēku")),
            prepare: ClearSecretJurorConflictsAsync),
        Post("POST /Jury/Conflicts?handler=Reopen", c => c.Form($"/Jury/Conflicts?{Panel(c)}&handler=Reopen",
                ("Decision.ConflictId", $"{c.Target}"), ("Reopening.Reason", "Jauni fakti")),
            prepare: DecidedConflictAsync),
        Read("GET /Jury/Progress", c => $"/Jury/Progress?{Panel(c)}"),
        Post("POST /Jury/Progress?handler=Remind", c => c.Form($"/Jury/Progress?{Panel(c)}&handler=Remind")),
        Read("GET /Jury/Ranking", c => $"/Jury/Ranking?{Panel(c)}"),
        Post("POST /Jury/Ranking", c => c.Form($"/Jury/Ranking?{Panel(c)}")),

        // The administrator's pages. Writes to a cycle's statute go to a fresh sandbox cycle in the same phase, so
        // that an allowed change (a phase moved, a schedule saved) leaves the world's cycles as they are.
        Read("GET /Admin", _ => "/Admin", perPhase: false),
        Read("GET /Admin/Cycles", _ => "/Admin/Cycles", perPhase: false),
        Read("GET /Admin/Cycles/Create", _ => "/Admin/Cycles/Create", perPhase: false),
        Post("POST /Admin/Cycles/Create", c => c.Form("/Admin/Cycles/Create", ("Input.Title", "Jauns cikls"), ("Input.Year", "2040"),
            ("Input.Slug", $"jauns-{Guid.NewGuid():N}")), perPhase: false),
        Read("GET /Admin/Cycles/{id:int}", c => $"/Admin/Cycles/{c.C.CycleId}"),
        Statute("POST /Admin/Cycles/{id:int}?handler=Move", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}?handler=Move",
            ("Move.Version", $"{cycle.Version}"), ("Move.Direction", "next"), ("Move.Reason", "Pārbaude"))),
        // Without a reason: refused in every phase (the repeat itself is tried in Cycles/RoundCloseTests).
        Statute("POST /Admin/Cycles/{id:int}?handler=Repeat", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}?handler=Repeat",
            ("Repeat.Reason", " "), ("RepeatClosesAt", "2040-01-01T12:00"))),
        Read("GET /Admin/Cycles/{id:int}/Categories", c => $"/Admin/Cycles/{c.C.CycleId}/Categories"),
        Statute("POST /Admin/Cycles/{id:int}/Categories", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Categories", CategoriesForm(cycle))),
        Statute("POST /Admin/Cycles/{id:int}/Categories?handler=Add", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Categories?handler=Add", CategoriesForm(cycle)), writes: false),
        Read("GET /Admin/Cycles/{id:int}/Criteria", c => $"/Admin/Cycles/{c.C.CycleId}/Criteria"),
        Statute("POST /Admin/Cycles/{id:int}/Criteria", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Criteria", CriteriaForm(cycle))),
        Statute("POST /Admin/Cycles/{id:int}/Criteria?handler=Add", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Criteria?handler=Add", CriteriaForm(cycle)), writes: false),
        Statute("POST /Admin/Cycles/{id:int}/Criteria?handler=Scale", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Criteria?handler=Scale", CriteriaForm(cycle)), writes: false),
        Read("GET /Admin/Cycles/{id:int}/General", c => $"/Admin/Cycles/{c.C.CycleId}/General"),
        Statute("POST /Admin/Cycles/{id:int}/General", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/General", GeneralForm(cycle))),
        Statute("POST /Admin/Cycles/{id:int}/General?handler=AddRule", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/General?handler=AddRule", GeneralForm(cycle)), writes: false),
        Read("GET /Admin/Cycles/{id:int}/Rounds", c => $"/Admin/Cycles/{c.C.CycleId}/Rounds"),
        Statute("POST /Admin/Cycles/{id:int}/Rounds", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Rounds", RoundsForm(cycle))),
        Statute("POST /Admin/Cycles/{id:int}/Rounds?handler=AddRound", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Rounds?handler=AddRound", RoundsForm(cycle)), writes: false),
        Statute("POST /Admin/Cycles/{id:int}/Rounds?handler=AddTieBreak", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Rounds?handler=AddTieBreak", RoundsForm(cycle)), writes: false),
        Read("GET /Admin/Cycles/{id:int}/Schedule", c => $"/Admin/Cycles/{c.C.CycleId}/Schedule"),
        Statute("POST /Admin/Cycles/{id:int}/Schedule", (c, cycle) => c.Form($"/Admin/Cycles/{cycle.Id}/Schedule", ScheduleForm(cycle))),
        Read("GET /Admin/Eligibility", c => $"/Admin/Eligibility?cycleId={c.C.CycleId}"),
        Post("POST /Admin/Eligibility?handler=Decide", c => c.Form("/Admin/Eligibility?handler=Decide",
                ("Decision.NominationId", $"{c.C.NominationA}"), ("Decision.Outcome", "Eligible")),
            prepare: c => KeepAAsync(c, null)),
        Read("GET /Admin/Jury", c => $"/Admin/Jury?{Panel(c)}"),
        Post("POST /Admin/Jury?handler=Invite", c => c.Form($"/Admin/Jury?{Panel(c)}&handler=Invite",
            ("Invite.Name", "Jauns žūrijas loceklis"), ("Invite.Email", Unknown()), ("Invite.AsChair", "false"), ("Invite.ConfirmReservedDomain", "true"))),
        Post("POST /Admin/Jury?handler=Remove", c => c.Form($"/Admin/Jury?{Panel(c)}&handler=Remove", ("MemberUserId", c.TargetText)),
            prepare: ThrowawayJurorAsync),
        Post("POST /Admin/Jury?handler=CancelInvitation", c => c.Form($"/Admin/Jury?{Panel(c)}&handler=CancelInvitation", ("InvitationId", $"{c.Target}")),
            prepare: PendingJuryInvitationAsync),
        Post("POST /Admin/Jury?handler=ResendInvitation", c => c.Form($"/Admin/Jury?{Panel(c)}&handler=ResendInvitation", ("InvitationId", $"{c.Target}")),
            prepare: PendingJuryInvitationAsync),
        Post("POST /Admin/Jury?handler=Chair", c => c.Form($"/Admin/Jury?{Panel(c)}&handler=Chair", ("ChairUserId", c.World.SecretJuror2.Id)),
            prepare: RestoreChairAfterAsync),
        Read("GET /Admin/Libraries", _ => "/Admin/Libraries", perPhase: false),
        Read("GET /Admin/Libraries/Review", c => $"/Admin/Libraries/Review?id={c.World.LibraryA}", perPhase: false),
        Post("POST /Admin/Libraries/Review?handler=Approve", c => c.Form($"/Admin/Libraries/Review?id={c.Target}&handler=Approve"),
            perPhase: false, prepare: PendingLibraryAsync),
        Post("POST /Admin/Libraries/Review?handler=Refuse", c => c.Form($"/Admin/Libraries/Review?id={c.Target}&handler=Refuse", ("Reason", "Nav biedrības biedrs.")),
            perPhase: false, prepare: PendingLibraryAsync),
        Read("GET /Admin/PaperBallots", c => $"/Admin/PaperBallots?{Panel(c)}"),
        Post("POST /Admin/PaperBallots", c => c.Form($"/Admin/PaperBallots?{Panel(c)}",
            c.C.CriterionIds.Select(id => ($"Scores[{id}]", "2"))
                .Concat([("JurorId", c.World.People[Role.Juror].Id), ("NominationId", $"{c.C.NominationB}"), ("Abstained", "false")]))),
        Read("GET /Admin/Results", c => $"/Admin/Results?cycleId={c.C.CycleId}"),
        Read("GET /Admin/Results?handler=BallotFile", c => $"/Admin/Results?handler=BallotFile&id={c.World.ResultId}", perPhase: false),
        Read("GET /Admin/Results?handler=Protocol", c => $"/Admin/Results?handler=Protocol&id={c.World.ResultId}", perPhase: false),

        // Operations.
        Read("ANY /health", _ => "/health", perPhase: false),
        Read("GET /openapi/{documentName}.json", _ => "/openapi/v1.json", perPhase: false),
        Read("ANY /jobs/{**path}", _ => "/jobs", perPhase: false),

        // The JSON API.
        Read("GET /api/me", _ => "/api/me", perPhase: false),
        Read("GET /api/cycles", _ => "/api/cycles", perPhase: false),
        Read("GET /api/cycles/{slug}", c => $"/api/cycles/{c.C.Slug}"),
        Post("POST /api/admin/cycles/", _ => Json(HttpMethod.Post, "/api/admin/cycles", new { title = "Jauns cikls", year = 2040, slug = $"api-{Guid.NewGuid():N}" }),
            perPhase: false),
        ApiStatute("PUT /api/admin/cycles/{id:int}/statute", (cycle, json) => Json(HttpMethod.Put, $"/api/admin/cycles/{cycle.Id}/statute", json["statute"]!)),
        ApiStatute("PUT /api/admin/cycles/{id:int}/schedule", (cycle, json) => Json(HttpMethod.Put, $"/api/admin/cycles/{cycle.Id}/schedule", new
        {
            version = cycle.Version,
            steps = cycle.Schedule.Select(s => new { sequence = s.Sequence, startsAt = s.StartsAt }),
        })),
        ApiStatute("POST /api/admin/cycles/{id:int}/phase", (cycle, _) => Json(HttpMethod.Post, $"/api/admin/cycles/{cycle.Id}/phase",
            new { version = cycle.Version, direction = "next", reason = "Pārbaude" })),
        new Recipe
        {
            Endpoint = "POST /api/libraries/", PerPhase = false,
            Prepare = c =>
            {
                c.TargetText = UniqueNumber();
                c.Restore = () => DropGrantsOfRegisteredAsync(c);
                return Task.CompletedTask;
            },
            Build = c => Task.FromResult(Json(HttpMethod.Post, "/api/libraries/", LibraryForm(c.TargetText))),
        },
        Read("GET /api/libraries/mine", _ => "/api/libraries/mine", perPhase: false),
        Post("POST /api/libraries/{id:int}/invitations", c => Json(HttpMethod.Post, $"/api/libraries/{c.World.LibraryA}/invitations",
            new { name = "Kolēģe", email = Unknown() }), perPhase: false),
        Read("GET /api/admin/libraries/", _ => "/api/admin/libraries/", perPhase: false),
        Read("GET /api/admin/mail/", _ => "/api/admin/mail/", perPhase: false),
        // No failed message in the world: an administrator finds nothing to send again.
        Post("POST /api/admin/mail/{id:long}/resend", _ => Json(HttpMethod.Post, "/api/admin/mail/999999999/resend", new { }), perPhase: false),
        Post("POST /api/admin/libraries/{id:int}/approve", c => Json(HttpMethod.Post, $"/api/admin/libraries/{c.Target}/approve", new { }),
            perPhase: false, prepare: PendingLibraryAsync),
        Post("POST /api/admin/libraries/{id:int}/refuse", c => Json(HttpMethod.Post, $"/api/admin/libraries/{c.Target}/refuse", new { reason = "Nav biedrs." }),
            perPhase: false, prepare: PendingLibraryAsync),
        Read("GET /api/nominations/{id:int}", c => $"/api/nominations/{c.C.NominationA}"),
        ApiNomination("PUT /api/nominations/{id:int}", (c, version) => Json(HttpMethod.Put, $"/api/nominations/{c.C.NominationA}", new
        {
            version, publicSummary = "Alūksnes bibliotēka: kopiena un lasīšana", achievements = $"Sasniegumi. {c.World.PrivateOfA}",
            partners = Array.Empty<object>(), statistics = Array.Empty<object>(), links = Array.Empty<object>(),
        })),
        ApiNomination("POST /api/nominations/{id:int}/submit", (c, version) => Json(HttpMethod.Post, $"/api/nominations/{c.C.NominationA}/submit", new { version })),
        ApiNomination("POST /api/nominations/{id:int}/resubmit", (c, version) => Json(HttpMethod.Post, $"/api/nominations/{c.C.NominationA}/resubmit", new
        {
            version, publicSummary = "Alūksnes bibliotēka: kopiena un lasīšana", achievements = $"Sasniegumi. {c.World.PrivateOfA} (labots)",
        }), NominationStatus.Submitted),
        ApiNomination("POST /api/nominations/{id:int}/withdraw", (c, version) => Json(HttpMethod.Post, $"/api/nominations/{c.C.NominationA}/withdraw", new { version }),
            NominationStatus.Submitted),
        // The nomination pages' actions, through the API (the same use cases; the same cells as the pages).
        Read("GET /api/cycles/{cycleId:int}/nominations/", c => $"/api/cycles/{c.C.CycleId}/nominations/"),
        Post("POST /api/cycles/{cycleId:int}/nominations/", c => Json(HttpMethod.Post, $"/api/cycles/{c.C.CycleId}/nominations/",
                new { categoryId = c.C.CategoryId, actingLibraryId = c.World.LibraryA, nomineeLibraryId = c.World.LibraryD }),
            prepare: c =>
            {
                c.Restore = () => c.World.ExecuteAsync(db => db.Nominations.Where(n => n.CycleId == c.C.CycleId && n.LibraryId == c.World.LibraryD).ExecuteDeleteAsync());
                return Task.CompletedTask;
            }),
        Post("POST /api/nominations/{id:int}/confirm", c => Json(HttpMethod.Post, $"/api/nominations/{c.C.NominationA}/confirm", new { }),
            prepare: c => KeepAAsync(c, NominationStatus.AwaitingNomineeConfirmation)),
        Post("POST /api/nominations/{id:int}/decline", c => Json(HttpMethod.Post, $"/api/nominations/{c.C.NominationA}/decline", new { }),
            prepare: c => KeepAAsync(c, NominationStatus.AwaitingNomineeConfirmation)),
        new Recipe
        {
            Endpoint = "POST /api/nominations/{id:int}/attachments",
            Build = c => Task.FromResult(c.Upload($"/api/nominations/{c.C.NominationA}/attachments",
                [("caption", "Lasītava"), ("consentGiven", "true")], "file", "lasitava.png", AccessWorld.Png(10, 10))),
        },
        new Recipe
        {
            Endpoint = "DELETE /api/nominations/{id:int}/attachments/{attachmentId:int}",
            Prepare = async c =>
            {
                await using var scope = c.World.App.Scope();
                var attachment = await AccessWorld.AttachmentAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                    scope.ServiceProvider.GetRequiredService<AttachmentStore>(), c.C.NominationA, AttachmentKind.Pdf);
                c.Target = attachment.Id;
                c.Restore = () => c.World.ExecuteAsync(db => db.Attachments.Where(a => a.Id == attachment.Id).ExecuteDeleteAsync());
            },
            Build = c => Task.FromResult(new HttpRequestMessage(HttpMethod.Delete, $"/api/nominations/{c.C.NominationA}/attachments/{c.Target}")),
        },
        Read("GET /api/nominations/{id:int}/endorsements/", c => $"/api/nominations/{c.C.NominationA}/endorsements/"),
        Post("POST /api/nominations/{id:int}/endorsements/", c => Json(HttpMethod.Post, $"/api/nominations/{c.C.NominationA}/endorsements/",
            new { name = "Novada dome", email = Unknown(), culture = "lv" })),
        Read("GET /api/endorsements/{token}", c => $"/api/endorsements/{c.C.EndorsementToken}"),
        new Recipe
        {
            Endpoint = "POST /api/endorsements/letter",
            Prepare = async c => c.TargetText = await c.World.QueryAsync(db => AccessWorld.EndorsementAsync(db, c.C.NominationA)),
            Build = c =>
            {
                var form = new MultipartFormDataContent { { new StringContent(c.TargetText!), "token" }, { new StringContent("Atbalstām."), "letter" },
                    { new StringContent("false"), "wantsResults" } };
                return Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/endorsements/letter") { Content = form });
            },
        },
        Post("POST /api/admin/nominations/{id:int}/eligibility", c => Json(HttpMethod.Post, $"/api/admin/nominations/{c.C.NominationA}/eligibility",
            new { outcome = "Eligible" }), prepare: c => KeepAAsync(c, null)),
        Read("GET /api/ballots/mine", c => $"/api/ballots/mine?cycleId={c.C.CycleId}"),
        Post("PUT /api/ballots/score", c => Json(HttpMethod.Put, "/api/ballots/score", new
        {
            nominationId = c.C.NominationA, scores = c.C.CriterionIds.ToDictionary(id => id.ToString(CultureInfo.InvariantCulture), _ => 1), abstained = false,
        })),
        Post("PUT /api/ballots/ranked", c => Json(HttpMethod.Put, "/api/ballots/ranked", new { cycleId = c.C.CycleId, categoryId = c.C.CategoryId, ranks = new { } })),
        Read("GET /api/jury/{cycleId:int}/{categoryId:int}/progress", c => $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/progress"),
        Post("POST /api/jury/{cycleId:int}/{categoryId:int}/conflicts/{id:int}/decision",
            c => Json(HttpMethod.Post, $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/conflicts/{c.Target}/decision", new { confirm = true }),
            prepare: ProposeConflictAsync),
        Post("POST /api/jury/{cycleId:int}/{categoryId:int}/conflicts",
            c => Json(HttpMethod.Post, $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/conflicts",
                new { jurorUserId = c.World.SecretJuror.Id, nominationId = c.C.NominationC, reason = "Brālis vada šo bibliotēku" }),
            prepare: ClearSecretJurorConflictsAsync),
        Post("POST /api/jury/{cycleId:int}/{categoryId:int}/conflicts/{id:int}/reopen",
            c => Json(HttpMethod.Post, $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/conflicts/{c.Target}/reopen", new { reason = "Jauni fakti" }),
            prepare: DecidedConflictAsync),
        // The cycle and result pages' reads through the API. The ballot file and protocol exist once round 1 is counted.
        Read("GET /api/admin/cycles/", _ => "/api/admin/cycles/", perPhase: false),
        Read("GET /api/admin/cycles/{id:int}", c => $"/api/admin/cycles/{c.C.CycleId}"),
        Read("GET /api/admin/cycles/{id:int}/publication", c => $"/api/admin/cycles/{c.C.CycleId}/publication"),
        Read("GET /api/admin/cycles/{id:int}/rounds/", c => $"/api/admin/cycles/{c.C.CycleId}/rounds/"),
        Read("GET /api/admin/cycles/{id:int}/rounds/{number:int}/categories/{categoryId:int}/ballots",
            c => $"/api/admin/cycles/{c.C.CycleId}/rounds/1/categories/{c.C.CategoryId}/ballots"),
        Read("GET /api/admin/cycles/{id:int}/rounds/{number:int}/categories/{categoryId:int}/protocol",
            c => $"/api/admin/cycles/{c.C.CycleId}/rounds/1/categories/{c.C.CategoryId}/protocol"),
        // No publication is scheduled in the world: there is nothing to cancel (as on the page).
        Post("DELETE /api/admin/cycles/{id:int}/scheduled-publication",
            c => new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/cycles/{c.C.CycleId}/scheduled-publication")),
        // The jury's pages' actions through the API (the same use cases; the same cells as the pages).
        Read("GET /api/admin/cycles/{cycleId:int}/categories/{categoryId:int}/jury/", c => $"/api/admin/cycles/{c.C.CycleId}/categories/{c.C.CategoryId}/jury/"),
        Post("POST /api/admin/cycles/{cycleId:int}/categories/{categoryId:int}/jury/invitations",
            c => Json(HttpMethod.Post, $"/api/admin/cycles/{c.C.CycleId}/categories/{c.C.CategoryId}/jury/invitations",
                new { name = "Jauns žūrijas loceklis", email = Unknown(), asChair = false, confirmReservedDomain = true })),
        Post("DELETE /api/admin/cycles/{cycleId:int}/categories/{categoryId:int}/jury/invitations/{invitationId:int}",
            c => new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/cycles/{c.C.CycleId}/categories/{c.C.CategoryId}/jury/invitations/{c.Target}"),
            prepare: PendingJuryInvitationAsync),
        Post("POST /api/admin/cycles/{cycleId:int}/categories/{categoryId:int}/jury/invitations/{invitationId:int}/resend",
            c => new HttpRequestMessage(HttpMethod.Post, $"/api/admin/cycles/{c.C.CycleId}/categories/{c.C.CategoryId}/jury/invitations/{c.Target}/resend"),
            prepare: PendingJuryInvitationAsync),
        Post("DELETE /api/admin/cycles/{cycleId:int}/categories/{categoryId:int}/jury/members/{userId}",
            c => new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/cycles/{c.C.CycleId}/categories/{c.C.CategoryId}/jury/members/{c.TargetText}"),
            prepare: ThrowawayJurorAsync),
        Post("PUT /api/admin/cycles/{cycleId:int}/categories/{categoryId:int}/jury/chair",
            c => Json(HttpMethod.Put, $"/api/admin/cycles/{c.C.CycleId}/categories/{c.C.CategoryId}/jury/chair", new { userId = c.World.SecretJuror2.Id }),
            prepare: RestoreChairAfterAsync),
        Post("PUT /api/admin/paper-ballots/score", c => Json(HttpMethod.Put, "/api/admin/paper-ballots/score", new
        {
            jurorId = c.World.People[Role.Juror].Id, nominationId = c.C.NominationB,
            scores = c.C.CriterionIds.ToDictionary(id => id.ToString(CultureInfo.InvariantCulture), _ => 2), abstained = false,
        })),
        new Recipe
        {
            Endpoint = "POST /api/invitations/accept", PerPhase = false, Isolated = true,
            Prepare = async c =>
            {
                c.TargetText = await c.World.LibraryInvitationAsync();
                c.Restore = () => DropGrantsAsync(c, ScopedRole.LibraryRepresentative, c.World.LibraryE);
            },
            Build = c => Task.FromResult(Json(HttpMethod.Post, "/api/invitations/accept", new { token = c.TargetText })),
        },
        new Recipe
        {
            Endpoint = "POST /api/invitations/decline", PerPhase = false,
            Prepare = async c => c.TargetText = await c.World.LibraryInvitationAsync(),
            Build = c => Task.FromResult(Json(HttpMethod.Post, "/api/invitations/decline", new { token = c.TargetText })),
        },
        Post("POST /api/jury/nominations/{nominationId:int}/conflict",
            c => Json(HttpMethod.Post, $"/api/jury/nominations/{c.C.NominationA}/conflict", new { reason = "Mana māsa tur strādā." }),
            prepare: c =>
            {
                c.Restore = () => c.World.ExecuteAsync(db => db.Conflicts
                    .Where(x => x.NominationId == c.C.NominationA && x.JurorUserId == c.UserId && x.Source == ConflictSource.DeclaredByJuror)
                    .ExecuteDeleteAsync());
                return Task.CompletedTask;
            }),
        Post("DELETE /api/jury/nominations/{nominationId:int}/conflict",
            c => new HttpRequestMessage(HttpMethod.Delete, $"/api/jury/nominations/{c.C.NominationC}/conflict"), prepare: DeclaredOnCAsync),
        Read("GET /api/jury/{cycleId:int}/{categoryId:int}/nominations", c => $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/nominations"),
        Read("GET /api/jury/{cycleId:int}/{categoryId:int}/conflicts", c => $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/conflicts"),
        Post("POST /api/jury/{cycleId:int}/{categoryId:int}/conflicts/propose",
            c => Json(HttpMethod.Post, $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/conflicts/propose", new { }), prepare: ClearSecretJurorConflictsAsync),
        Post("POST /api/jury/{cycleId:int}/{categoryId:int}/reminders",
            c => Json(HttpMethod.Post, $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/reminders", new { })),
        Read("GET /api/jury/{cycleId:int}/{categoryId:int}/ties", c => $"/api/jury/{c.C.CycleId}/{c.C.CategoryId}/ties"),

        // Identity's token API: open to anyone (the manage endpoints to the account itself); it writes no audit entry,
        // so its answers are judged by their status.
        Post("POST /api/auth/register", _ => Json(HttpMethod.Post, "/api/auth/register", new
            {
                displayName = "Matricas Persona", email = Unknown(), password = AccessWorld.Password, confirmPassword = AccessWorld.Password,
                preferredCulture = "lv",
            }),
            perPhase: false, writes: false),
        Post("POST /api/auth/login", c => Json(HttpMethod.Post, "/api/auth/login", new { email = c.World.Spare.Email, password = AccessWorld.Password }),
            perPhase: false, writes: false),
        Post("POST /api/auth/refresh", c => Json(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = c.TargetText }),
            perPhase: false, writes: false, prepare: RefreshTokenAsync),
        new Recipe
        {
            Endpoint = "GET /api/auth/confirmEmail", PerPhase = false, Prepare = EmailConfirmationAsync,
            Build = c => Task.FromResult(Get($"/api/auth/confirmEmail?userId={c.World.Spare.Id}&code={c.TargetText}")),
        },
        Post("POST /api/auth/logout", _ => Json(HttpMethod.Post, "/api/auth/logout", new { }), perPhase: false, writes: false, isolated: true,
            prepare: c => c.SignInAgainAfterAsync()),
        Post("POST /api/auth/resendConfirmationEmail", _ => Json(HttpMethod.Post, "/api/auth/resendConfirmationEmail", new { email = Unknown() }),
            perPhase: false, writes: false),
        Post("POST /api/auth/forgotPassword", _ => Json(HttpMethod.Post, "/api/auth/forgotPassword", new { email = Unknown() }), perPhase: false, writes: false),
        Post("POST /api/auth/resetPassword", c => Json(HttpMethod.Post, "/api/auth/resetPassword",
            new { email = c.World.Spare.Email, resetCode = "bad", newPassword = AccessWorld.Password }), perPhase: false, writes: false),
        // Identity makes the account's authenticator key on the first ask, which changes its security stamp: every
        // session of the account ends (checked on each request), so the role signs in again after.
        Post("POST /api/auth/manage/2fa", _ => Json(HttpMethod.Post, "/api/auth/manage/2fa", new { }), perPhase: false, writes: false, isolated: true,
            prepare: c => c.SignInAgainAfterAsync()),
        Read("GET /api/auth/manage/info", _ => "/api/auth/manage/info", perPhase: false),
        Post("POST /api/auth/manage/info", _ => Json(HttpMethod.Post, "/api/auth/manage/info", new { }), perPhase: false, writes: false),
        // Erasure (issue 17): with a wrong password or an unknown address, so that no role's account is erased here.
        Read("GET /Account/Manage/Delete", _ => "/Account/Manage/Delete", perPhase: false),
        Post("POST /Account/Manage/Delete", c => c.Form("/Account/Manage/Delete", ("Input.Password", "not the password"), ("Input.Confirmation", Unknown())),
            perPhase: false),
        Post("DELETE /api/account", _ => Json(HttpMethod.Delete, "/api/account", new { password = "not the password", confirmation = Unknown() }),
            perPhase: false),
        Read("GET /Admin/People/Erase", _ => "/Admin/People/Erase", perPhase: false),
        Post("POST /Admin/People/Erase", c => c.Form("/Admin/People/Erase", ("Input.Email", Unknown()), ("Input.Reason", "Vēstule"), ("Input.Confirmed", "true")),
            perPhase: false),
        Post("POST /api/admin/people/erase", _ => Json(HttpMethod.Post, "/api/admin/people/erase", new { email = Unknown(), reason = "Vēstule", confirmed = true }),
            perPhase: false),
    ];

    /// <summary>
    /// For an endpoint nobody wrote a recipe for: route values and the usual query parameters filled in by name
    /// (<c>id</c> is nomination A), a form with only the anti-forgery token for a page post, <c>{}</c> for an API write.
    /// </summary>
    public static Recipe Default(AppEndpoint endpoint) => new()
    {
        Endpoint = endpoint.Key,
        Build = c =>
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["id"] = $"{c.C.NominationA}", ["nominationId"] = $"{c.C.NominationA}", ["cycleId"] = $"{c.C.CycleId}",
                ["categoryId"] = $"{c.C.CategoryId}", ["slug"] = c.C.Slug, ["documentName"] = "v1", ["path"] = "",
            };
            var path = RouteValue().Replace(endpoint.Route, m => values.GetValueOrDefault(m.Groups[1].Value, "1"));
            var method = endpoint.Method == "ANY" ? "GET" : endpoint.Method;
            if (endpoint.IsPage)
            {
                var url = $"{path}?id={c.C.NominationA}&cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}"
                          + (endpoint.Handler is null ? "" : $"&handler={endpoint.Handler}");
                return Task.FromResult(method == "GET" ? Get(url) : c.Form(url));
            }
            return Task.FromResult(method == "GET" ? Get(path) : Json(new HttpMethod(method), path, new { }));
        },
    };

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteValue();

    private static string Panel(Cell c) => $"cycleId={c.C.CycleId}&categoryId={c.C.CategoryId}";

    private static string Unknown() => $"nobody-{Guid.NewGuid():N}@matrica.example";

    private static string UniqueNumber() => $"AMX-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    private static Dictionary<string, string> LibraryForm(string registrationNumber) => new()
    {
        ["Name"] = "Jaunā bibliotēka", ["Region"] = "Vidzeme", ["Type"] = "Public", ["RegistrationNumber"] = registrationNumber,
    };

    /// <param name="edit">Added to the achievements: a resubmission must change something.</param>
    private static Recipe EditPost(string handler, NominationStatus? status = null, string edit = "") => Post($"POST /Nominations/Edit?handler={handler}",
        c => c.Form($"/Nominations/Edit?id={c.C.NominationA}&handler={handler}",
            ("Input.Version", c.TargetText), ("Input.PublicSummary", "Alūksnes bibliotēka: kopiena un lasīšana"),
            ("Input.Achievements", $"Sasniegumi. {c.World.PrivateOfA}{edit}")),
        prepare: async c =>
        {
            await KeepAAsync(c, status);
            c.TargetText = $"{await c.NominationVersionAsync(c.C.NominationA)}";
        });

    private static Recipe ApiNomination(string endpoint, Func<Cell, Guid, HttpRequestMessage> request, NominationStatus? status = null) => new()
    {
        Endpoint = endpoint,
        Prepare = c => KeepAAsync(c, status),
        Build = async c => request(c, await c.NominationVersionAsync(c.C.NominationA)),
    };

    /// <summary>
    /// Remembers nomination A as it is (and optionally puts it in <paramref name="status"/> first, e.g. submitted so
    /// that a withdrawal can be tried); the clean-up puts it back, whatever the request did.
    /// </summary>
    private static async Task KeepAAsync(Cell c, NominationStatus? status)
    {
        var id = c.C.NominationA;
        var kept = await c.World.QueryAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id));
        if (status is { } wanted)
            await c.World.ExecuteAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, wanted)));
        c.Restore = () => c.World.ExecuteAsync(db => db.Nominations.Where(n => n.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Status, kept.Status)
            .SetProperty(n => n.Eligibility, kept.Eligibility)
            .SetProperty(n => n.EligibilityReason, kept.EligibilityReason)
            .SetProperty(n => n.EligibilityDecidedAt, kept.EligibilityDecidedAt)
            .SetProperty(n => n.SubmittedAt, kept.SubmittedAt)
            .SetProperty(n => n.WithdrawnAt, kept.WithdrawnAt)
            .SetProperty(n => n.NomineeConfirmedAt, kept.NomineeConfirmedAt)
            .SetProperty(n => n.PublicSummary, kept.PublicSummary)
            .SetProperty(n => n.Achievements, kept.Achievements)
            .SetProperty(n => n.Projects, kept.Projects)));
    }

    /// <summary>A statute write: the administrator's goes to a fresh sandbox cycle in the cell's phase, anyone else's to the world's cycle.</summary>
    private static Recipe Statute(string endpoint, Func<Cell, AwardCycle, HttpRequestMessage> request, bool writes = true) => new()
    {
        Endpoint = endpoint, Writes = writes, Prepare = SandboxAsync,
        Build = async c => request(c, await c.CycleAsync(c.Target)),
    };

    private static Recipe ApiStatute(string endpoint, Func<AwardCycle, System.Text.Json.Nodes.JsonNode, HttpRequestMessage> request) => new()
    {
        Endpoint = endpoint, Prepare = SandboxAsync,
        Build = async c =>
        {
            var cycle = await c.CycleAsync(c.Target);
            return request(cycle, await c.AdminJsonAsync($"/api/cycles/{cycle.Slug}"));
        },
    };

    private static async Task SandboxAsync(Cell c)
    {
        if (c.Role != Role.Admin)
        {
            c.Target = c.C.CycleId;
            return;
        }
        c.Target = (await AccessWorld.NewCycle("Smilškaste", "sandbox", c.Phase).CreateAsync(c.World.App)).Id;
    }

    private static IEnumerable<(string, string)> CategoriesForm(AwardCycle cycle) =>
        cycle.Categories.OrderBy(x => x.Order).SelectMany((x, i) => new[]
        {
            ($"Input.Categories[{i}].Id", $"{x.Id}"), ($"Input.Categories[{i}].Name", x.Name), ($"Input.Categories[{i}].NameEn", x.NameEn ?? ""),
        }).Prepend(("Input.Version", $"{cycle.Version}"));

    private static IEnumerable<(string, string)> CriteriaForm(AwardCycle cycle) =>
        cycle.Criteria.OrderBy(x => x.Order).SelectMany((x, i) => new[]
        {
            ($"Input.Criteria[{i}].Id", $"{x.Id}"), ($"Input.Criteria[{i}].Name", x.Name),
            ($"Input.Criteria[{i}].Weight", x.Weight.ToString(CultureInfo.InvariantCulture)),
            ($"Input.Criteria[{i}].ScaleMin", $"{x.ScaleMin}"), ($"Input.Criteria[{i}].ScaleMax", $"{x.ScaleMax}"),
        }.Concat(x.Levels.OrderBy(v => v.Value).SelectMany((v, j) => new[]
        {
            ($"Input.Criteria[{i}].Labels[{j}].Value", $"{v.Value}"), ($"Input.Criteria[{i}].Labels[{j}].Text", v.Label),
        }))).Prepend(("Input.Version", $"{cycle.Version}"));

    private static IEnumerable<(string, string)> GeneralForm(AwardCycle cycle) =>
        cycle.EligibilityRules.OrderBy(r => r.Order).Select((r, i) => ($"Input.EligibilityRules[{i}].Text", r.Text)).Concat(
        [
            ("Input.Version", $"{cycle.Version}"), ("Input.Title", cycle.Title), ("Input.TitleEn", cycle.TitleEn ?? ""),
            ("Input.Secrecy", $"{cycle.Secrecy}"), ("Input.NomineesPublicAfterNominationsClose", "true"), ("Input.FeedbackToNominees", "true"),
            ("Input.ReminderDaysBeforeClose", cycle.ReminderDaysBeforeClose),
        ]);

    private static IEnumerable<(string, string)> RoundsForm(AwardCycle cycle) =>
        cycle.Rounds.OrderBy(r => r.Number).SelectMany((r, i) => new[]
        {
            ($"Input.Rounds[{i}].Kind", $"{r.Kind}"), ($"Input.Rounds[{i}].Method", $"{r.Method}"),
        }).Prepend(("Input.Version", $"{cycle.Version}"));

    private static IEnumerable<(string, string)> ScheduleForm(AwardCycle cycle) =>
        cycle.Schedule.Where(s => s.StartsAt is not null).Select(s => ($"Input.StartsAt[{s.Sequence}]",
                CycleEditing.ToLocal(s.StartsAt, cycle.TimeZone)!.Value.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)))
            .Prepend(("Input.Version", $"{cycle.Version}"));

    private static async Task PendingLibraryAsync(Cell c) =>
        c.Target = (await new LibraryBuilder("Gaidošā bibliotēka").Status(LibraryStatus.PendingApproval).CreateAsync(c.World.App)).Id;

    /// <summary>
    /// The secret juror works at library C: proposing finds that again once the old proposals are gone. Whatever the
    /// request made of it is gone again after, so no cell leaves a conflict behind.
    /// </summary>
    private static async Task ClearSecretJurorConflictsAsync(Cell c)
    {
        await DeleteSecretJurorConflictsAsync(c);
        c.Restore = () => DeleteSecretJurorConflictsAsync(c);
    }

    private static Task DeleteSecretJurorConflictsAsync(Cell c) => c.World.ExecuteAsync(db => db.Conflicts
        .Where(x => x.NominationId == c.C.NominationC && x.JurorUserId == c.World.SecretJuror.Id).ExecuteDeleteAsync());

    /// <summary>The asking account has declared a conflict with C itself (while the round is open it may withdraw it).</summary>
    private static async Task DeclaredOnCAsync(Cell c)
    {
        if (c.UserId is not { } userId)
            return;
        Task Clear() => c.World.ExecuteAsync(db => db.Conflicts.Where(x => x.NominationId == c.C.NominationC && x.JurorUserId == userId).ExecuteDeleteAsync());
        await Clear();
        await c.World.ExecuteAsync(db =>
        {
            db.Conflicts.Add(new ConflictOfInterest
            {
                CycleId = c.C.CycleId, NominationId = c.C.NominationC, JurorUserId = userId, Source = ConflictSource.DeclaredByJuror,
                Reason = "Mana māsa tur strādā.", Status = ConflictStatus.Confirmed, RaisedAt = DateTimeOffset.UtcNow, DecidedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        c.Restore = Clear;
    }

    /// <summary>After the request, the world's chair chairs the panel again, alone.</summary>
    /// <summary>A juror of the panel made for the request to remove (nobody else's grants are at stake), dropped afterwards.</summary>
    private static async Task ThrowawayJurorAsync(Cell c)
    {
        var person = await new PersonBuilder("Aizstājamais žūrijas loceklis").Juror(c.C.CycleId, c.C.CategoryId).CreateAsync(c.World.App);
        c.TargetText = person.Id;
        c.Restore = () => c.World.ExecuteAsync(db => db.RoleGrants.Where(g => g.UserId == person.Id).ExecuteDeleteAsync());
    }

    /// <summary>An unanswered jury invitation of the panel, for the requests that cancel or resend it; dropped afterwards.</summary>
    private static async Task PendingJuryInvitationAsync(Cell c)
    {
        var (_, hash) = OneTimeToken.Create();
        var invitation = new Invitation
        {
            Email = $"jury-{Guid.NewGuid():N}@biblioteka.lv", Role = ScopedRole.Juror, CycleId = c.C.CycleId, CategoryId = c.C.CategoryId,
            TokenHash = hash, InvitedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(14),
        };
        await c.World.ExecuteAsync(db =>
        {
            db.Invitations.Add(invitation);
            return db.SaveChangesAsync();
        });
        c.Target = invitation.Id;
        c.Restore = () => c.World.ExecuteAsync(db => db.Invitations.Where(i => i.Id == invitation.Id).ExecuteDeleteAsync());
    }

    private static Task RestoreChairAfterAsync(Cell c)
    {
        c.Restore = () => c.World.ExecuteAsync(async db =>
        {
            var chair = c.World.People[Role.Chair].Id;
            var chairs = db.RoleGrants.Where(g => g.CycleId == c.C.CycleId && g.CategoryId == c.C.CategoryId && g.Role == ScopedRole.Chair);
            if (await chairs.Select(g => g.UserId).ToListAsync() is [var only] && only == chair)
                return;
            await chairs.ExecuteDeleteAsync();
            db.RoleGrants.Add(RoleGrant.Chair(chair, c.C.CycleId, c.C.CategoryId, DateTimeOffset.UtcNow, null));
            await db.SaveChangesAsync();
        });
        return Task.CompletedTask;
    }

    /// <summary>A decided proposal (secret juror × C, confirmed) for the chair or an administrator to reopen.</summary>
    private static async Task DecidedConflictAsync(Cell c)
    {
        await ProposeConflictAsync(c);
        await c.World.ExecuteAsync(db => db.Conflicts.Where(x => x.Id == c.Target)
            .ExecuteUpdateAsync(x => x.SetProperty(y => y.Status, ConflictStatus.Confirmed).SetProperty(y => y.DecidedAt, DateTimeOffset.UtcNow)));
    }

    /// <summary>A fresh proposal (secret juror × C) for the chair or an administrator to decide.</summary>
    private static async Task ProposeConflictAsync(Cell c)
    {
        await ClearSecretJurorConflictsAsync(c);
        c.Target = await c.World.QueryAsync(async db =>
        {
            var conflict = new ConflictOfInterest
            {
                CycleId = c.C.CycleId, NominationId = c.C.NominationC, JurorUserId = c.World.SecretJuror.Id, Source = ConflictSource.OwnLibrary,
                Reason = "Strādā Cēsu bibliotēkā", Status = ConflictStatus.Proposed, RaisedAt = DateTimeOffset.UtcNow,
            };
            db.Conflicts.Add(conflict);
            await db.SaveChangesAsync();
            return conflict.Id;
        });
    }

    private static Task DropGrantsAsync(Cell c, ScopedRole role, int libraryId) => c.UserId is not { } userId
        ? Task.CompletedTask
        : c.World.ExecuteAsync(db => db.RoleGrants.Where(g => g.UserId == userId && g.Role == role && g.LibraryId == libraryId).ExecuteDeleteAsync());

    /// <summary>The registering person becomes the new library's representative: taken back, so that roles stay as they were.</summary>
    private static Task DropGrantsOfRegisteredAsync(Cell c) => c.World.ExecuteAsync(async db =>
    {
        var ids = await db.Libraries.Where(l => l.RegistrationNumber == c.TargetText).Select(l => l.Id).ToListAsync();
        await db.RoleGrants.Where(g => g.LibraryId != null && ids.Contains(g.LibraryId.Value)).ExecuteDeleteAsync();
    });

    private static async Task RefreshTokenAsync(Cell c)
    {
        using var client = c.World.App.CreateClient();
        using var login = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = c.World.Spare.Email, password = AccessWorld.Password }));
        login.EnsureSuccessStatusCode();
        c.TargetText = System.Text.Json.Nodes.JsonNode.Parse(await login.Content.ReadAsStringAsync())!["refreshToken"]!.GetValue<string>();
    }

    private static async Task EmailConfirmationAsync(Cell c)
    {
        await using var scope = c.World.App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(c.World.Spare.Id);
        var token = await users.GenerateEmailConfirmationTokenAsync(user!);
        c.TargetText = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
    }
}
