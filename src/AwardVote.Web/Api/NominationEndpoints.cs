using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Api;

/// <summary>
/// Nominations in the JSON API: the same use cases as the pages (<see cref="StartNomination"/>,
/// <see cref="SaveNomination"/>, <see cref="SubmitNomination"/>, <see cref="ResubmitNomination"/>, <see cref="UploadAttachment"/>,
/// <see cref="DecideEligibility"/>…), so the same rules and the same messages; who may act is asked of the same
/// authorization handlers first.
/// </summary>
public static class NominationEndpoints
{
    public static void MapNominationApi(this IEndpointRouteBuilder endpoints)
    {
        var cycles = endpoints.MapGroup("/api/cycles/{cycleId:int}/nominations").WithTags("Nominations");
        cycles.MapGet("", List).AllowAnonymous()
            .WithSummary("A cycle's nominations as the caller may see them (the public, a library, a juror, the administrator)")
            .Produces<List<CycleNominationDto>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithExample(null, new List<CycleNominationDto> { ExampleRow });
        cycles.MapPost("", Start).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Start a nomination for the caller's library, or nominate another approved library (it must confirm)")
            .Produces<NominationDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new StartNominationInput { CategoryId = 3, ActingLibraryId = 12 }, ExampleNomination, StatusCodes.Status201Created);

        var nominations = endpoints.MapGroup("/api/nominations").WithTags("Nominations").RequireAuthorization(Policies.SignedIn);
        nominations.MapGet("/{id:int}", Get)
            .WithSummary("The whole nomination, with its files and letters")
            .Produces<NominationDto>().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithExample(null, ExampleNomination);
        nominations.MapPut("/{id:int}", Save)
            .WithSummary("Save the draft's text, partners, numbers and links (a half-filled row is refused; a submitted nomination changes only by resubmission)")
            .Produces<NominationDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(ExampleInput, ExampleNomination);
        nominations.MapPost("/{id:int}/submit", Submit)
            .WithSummary("Submit the nomination as saved; every representative gets a receipt")
            .Produces<NominationDto>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new VersionRequest(ExampleNomination.Version), ExampleNomination with { Status = NominationStatus.Submitted });
        nominations.MapPost("/{id:int}/resubmit", Resubmit)
            .WithSummary("Change a submitted nomination and submit it again (the jury reads the last submitted version; PUT refuses a submitted one); every representative gets a receipt naming what changed")
            .Produces<NominationDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(ExampleInput, ExampleNomination with { Status = NominationStatus.Submitted });
        nominations.MapPost("/{id:int}/withdraw", Withdraw)
            .WithSummary("Withdraw a submitted nomination (it can be submitted again until the deadline)")
            .Produces<NominationDto>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new VersionRequest(ExampleNomination.Version), ExampleNomination with { Status = NominationStatus.Withdrawn });
        nominations.MapPost("/{id:int}/confirm", Confirm)
            .WithSummary("The nominated library confirms a nomination another library made: it becomes its draft")
            .Produces<NominationDto>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(null, ExampleNomination);
        nominations.MapPost("/{id:int}/decline", Decline)
            .WithSummary("The nominated library declines a nomination another library made: it becomes the nominee's own (withdrawn), and the nominating library no longer reads it")
            .Produces<NominationDto>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(null, ExampleNomination with { Status = NominationStatus.Withdrawn });
        nominations.MapPost("/{id:int}/attachments", Upload)
            // A script sends its bearer token, not the pages' anti-forgery token; a browser's cookie is not sent
            // along with another site's POST (SameSite=Lax).
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadAttachment.RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: UploadAttachment.RequestLimit)
            .WithSummary("Add a photo (JPEG, PNG, WebP) or PDF as multipart/form-data: file, caption, credit, licence, consentGiven, publicAfterPublication")
            .Produces<AttachmentDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(null, ExampleAttachment, StatusCodes.Status201Created);
        nominations.MapDelete("/{id:int}/attachments/{attachmentId:int}", DeleteFile)
            .WithSummary("Remove one of the nomination's files")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        endpoints.MapPost("/api/admin/nominations/{id:int}/eligibility", Decide)
            .WithTags("Nominations")
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Screen a submitted nomination: eligible, or not eligible with the reason the library reads")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new DecideEligibilityInput { Outcome = EligibilityDecision.Ineligible, Reason = "Nav publiskā bibliotēka." }, null);
    }

    public sealed record NominationDto(
        int Id, int CycleId, int CategoryId, int LibraryId, Guid Version,
        [property: JsonConverter(typeof(JsonStringEnumConverter<NominationStatus>))] NominationStatus Status,
        [property: JsonConverter(typeof(JsonStringEnumConverter<EligibilityDecision>))] EligibilityDecision Eligibility,
        string? EligibilityReason, bool Frozen, string? PublicSummary, string? Achievements, string? Projects,
        IReadOnlyList<PartnerRow> Partners, IReadOnlyList<StatisticRow> Statistics, IReadOnlyList<LinkRow> Links,
        IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<EndorsementDto> Endorsements);

    public sealed record AttachmentDto(int Id, string FileName, string ContentType, long SizeBytes, string Url);
    public sealed record EndorsementDto(string Name, [property: JsonConverter(typeof(JsonStringEnumConverter<EndorsementStatus>))] EndorsementStatus Status);
    public sealed record VersionRequest(Guid Version);

    /// <summary>A row of a cycle's nominations; what the caller may not see is null (see <see cref="NominationView"/>).</summary>
    public sealed record CycleNominationDto(
        int Id, int CategoryId, int LibraryId, string LibraryName, string? PublicSummary,
        [property: JsonConverter(typeof(JsonStringEnumConverter<NominationView>))] NominationView SeenAs,
        [property: JsonConverter(typeof(JsonStringEnumConverter<NominationStatus>))] NominationStatus? Status,
        [property: JsonConverter(typeof(JsonStringEnumConverter<EligibilityDecision>))] EligibilityDecision? Eligibility,
        string? EligibilityReason, bool? Frozen, int? NominatedByLibraryId, string? NominatedBy, bool? Conflicted);

    private static readonly NominationDto ExampleNomination = new(41, 7, 3, 12, new Guid("5b0f3c1e-7d2a-4c55-9a51-2f0e8d1b6a90"),
        NominationStatus.Draft, EligibilityDecision.NotReviewed, null, false,
        "Bērnu lasīšanas centrs, kas atvērts visiem novada bērniem.", "Atvērām **jaunu** bērnu lasīšanas centru.", null,
        [new PartnerRow { Name = ExamplePartner, Role = "finansējums" }],
        [new StatisticRow { Kind = StatisticKind.Visits, Value = 120_000, Unit = "apmeklējumi", Year = 2026 }],
        [new LinkRow { Url = "https://lcb.lv", Title = "Bibliotēkas mājaslapa" }],
        [], []);

    private const string ExamplePartner = "Daugavpils valstspilsētas pašvaldība";

    private static readonly NominationInput ExampleInput = new()
    {
        Version = ExampleNomination.Version,
        PublicSummary = ExampleNomination.PublicSummary,
        Achievements = ExampleNomination.Achievements,
        Partners = [.. ExampleNomination.Partners],
        Statistics = [.. ExampleNomination.Statistics],
        Links = [.. ExampleNomination.Links],
    };

    private static readonly AttachmentDto ExampleAttachment = new(90, "Lasitava-ar-berniem.jpg", "image/jpeg", 482_113, "/Nominations/File?id=90");

    private static readonly CycleNominationDto ExampleRow = new(41, 3, 12, "Latgales Centrālā bibliotēka",
        "Bērnu lasīšanas centrs, kas atvērts visiem novada bērniem.", NominationView.Public, null, null, null, null, null, null, null);

    private static async Task<IResult> List(int cycleId, ClaimsPrincipal user, ListCycleNominations list, HttpContext http,
        CancellationToken cancellationToken)
    {
        var viewer = user.Identity?.IsAuthenticated == true
            ? new NominationViewer(user.UserId(), user.IsAdministrator())
            : NominationViewer.Anonymous;
        return (await list.RunAsync(cycleId, viewer, cancellationToken)).Answer(http, rows => TypedResults.Ok(rows
            .Select(r => new CycleNominationDto(r.Id, r.CategoryId, r.LibraryId, r.LibraryName, r.PublicSummary, r.SeenAs, r.Status,
                r.Eligibility, r.EligibilityReason, r.Frozen, r.NominatedByLibraryId, r.NominatedBy, r.Conflicted))
            .ToList()));
    }

    private static async Task<IResult> Start(int cycleId, StartNominationInput input, HttpContext http, AppDbContext db,
        IAuthorizationService authorization, StartNomination start, LoadNomination load, CancellationToken cancellationToken)
    {
        // As on the page: acting for a library the caller may not act for (or none) is forbidden, whatever else is wrong.
        var acting = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == input.ActingLibraryId, cancellationToken);
        if (acting is null || !(await authorization.AuthorizeAsync(http.User, acting, LibraryOperations.ActFor)).Succeeded)
            return TypedResults.Forbid();
        var started = await start.RunAsync(cycleId, http.User.UserId(), input, cancellationToken);
        if (!started.Succeeded)
            return OutcomeResults.Problem(started, http);
        var nomination = (await load.RunAsync(started.Value!.Id, cancellationToken))!;
        return TypedResults.Created($"/api/nominations/{nomination.Id}", ToDto(nomination));
    }

    private static async Task<IResult> Get(int id, ClaimsPrincipal user, LoadNomination load, IAuthorizationService authorization,
        CancellationToken cancellationToken)
    {
        if (await load.RunAsync(id, cancellationToken) is not { } nomination)
            return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(user, nomination, NominationOperations.View)).Succeeded)
            return TypedResults.Forbid();
        return TypedResults.Ok(ToDto(nomination));
    }

    private static async Task<IResult> Save(int id, NominationInput input, HttpContext http, AppDbContext db, IAuthorizationService authorization,
        SaveNomination save, CancellationToken cancellationToken) =>
        await MayEditAsync(id, http.User, db, authorization, cancellationToken)
        ?? (await save.RunAsync(id, input, cancellationToken)).Answer(http, n => TypedResults.Ok(ToDto(n)));

    private static async Task<IResult> Submit(int id, VersionRequest request, HttpContext http, AppDbContext db,
        IAuthorizationService authorization, SubmitNomination submit, CancellationToken cancellationToken) =>
        await MayEditAsync(id, http.User, db, authorization, cancellationToken)
        ?? (await submit.RunAsync(id, request.Version, cancellationToken)).Answer(http, n => TypedResults.Ok(ToDto(n)));

    private static async Task<IResult> Resubmit(int id, NominationInput input, HttpContext http, AppDbContext db,
        IAuthorizationService authorization, ResubmitNomination resubmit, CancellationToken cancellationToken) =>
        await MayEditAsync(id, http.User, db, authorization, cancellationToken)
        ?? (await resubmit.RunAsync(id, input, cancellationToken)).Answer(http, n => TypedResults.Ok(ToDto(n)));

    private static async Task<IResult> Withdraw(int id, VersionRequest request, HttpContext http, AppDbContext db,
        IAuthorizationService authorization, WithdrawNomination withdraw, CancellationToken cancellationToken) =>
        await MayEditAsync(id, http.User, db, authorization, cancellationToken)
        ?? (await withdraw.RunAsync(id, request.Version, cancellationToken)).Answer(http, n => TypedResults.Ok(ToDto(n)));

    private static async Task<IResult> Confirm(int id, HttpContext http, AppDbContext db, IAuthorizationService authorization,
        ConfirmNomination confirm, LoadNomination load, CancellationToken cancellationToken)
    {
        if (await MayEditAsync(id, http.User, db, authorization, cancellationToken) is { } denied)
            return denied;
        var confirmed = await confirm.RunAsync(id, cancellationToken);
        return confirmed.Succeeded ? TypedResults.Ok(ToDto((await load.RunAsync(id, cancellationToken))!)) : OutcomeResults.Problem(confirmed, http);
    }

    private static async Task<IResult> Decline(int id, HttpContext http, AppDbContext db, IAuthorizationService authorization,
        DeclineNomination decline, LoadNomination load, CancellationToken cancellationToken)
    {
        if (await MayEditAsync(id, http.User, db, authorization, cancellationToken) is { } denied)
            return denied;
        var declined = await decline.RunAsync(id, cancellationToken);
        return declined.Succeeded ? TypedResults.Ok(ToDto((await load.RunAsync(id, cancellationToken))!)) : OutcomeResults.Problem(declined, http);
    }

    /// <summary>The page's upload form's fields, by the same names without "Input.", as multipart/form-data.</summary>
    private static async Task<IResult> Upload(int id, IFormFile? file, [FromForm] string? caption, [FromForm] string? credit,
        [FromForm] string? licence, [FromForm] bool? consentGiven, [FromForm] bool? publicAfterPublication, HttpContext http, AppDbContext db,
        IAuthorizationService authorization, UploadAttachment upload, CancellationToken cancellationToken)
    {
        if (await MayEditAsync(id, http.User, db, authorization, cancellationToken) is { } denied)
            return denied;
        var input = new UploadAttachmentInput
        {
            File = file, Caption = caption, Credit = credit, Licence = licence,
            ConsentGiven = consentGiven ?? false, PublicAfterPublication = publicAfterPublication ?? false,
        };
        return (await upload.RunAsync(id, http.User.UserId(), input, cancellationToken))
            .Answer(http, a => TypedResults.Created(FileUrl(a.Id), ToDto(a)));
    }

    private static async Task<IResult> DeleteFile(int id, int attachmentId, HttpContext http, AppDbContext db, IAuthorizationService authorization,
        DeleteAttachment delete, CancellationToken cancellationToken) =>
        await MayEditAsync(id, http.User, db, authorization, cancellationToken)
        ?? (await delete.RunAsync(id, attachmentId, cancellationToken)).Answer(http, _ => TypedResults.NoContent());

    private static async Task<IResult> Decide(int id, DecideEligibilityInput input, HttpContext http, DecideEligibility decide,
        CancellationToken cancellationToken) =>
        (await decide.RunAsync(id, http.User.UserId(), input, cancellationToken)).Answer(http, _ => TypedResults.NoContent());

    /// <summary>The nomination's authorization handler, as the pages ask it: null when the caller may write the nomination.</summary>
    internal static Task<IResult?> MayEditAsync(int id, ClaimsPrincipal user, AppDbContext db, IAuthorizationService authorization,
        CancellationToken cancellationToken) => MayAsync(id, user, NominationOperations.Edit, db, authorization, cancellationToken);

    private static async Task<IResult?> MayAsync(int id, ClaimsPrincipal user, OperationAuthorizationRequirement operation, AppDbContext db,
        IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } nomination)
            return TypedResults.NotFound();
        return (await authorization.AuthorizeAsync(user, nomination, operation)).Succeeded ? null : TypedResults.Forbid();
    }

    private static string FileUrl(int attachmentId) => $"/Nominations/File?id={attachmentId}";

    private static AttachmentDto ToDto(Attachment a) => new(a.Id, a.SafeFileName, a.ContentType, a.SizeBytes, FileUrl(a.Id));

    private static NominationDto ToDto(Nomination n) => new(
        n.Id, n.CycleId, n.CategoryId, n.LibraryId, n.Version, n.Status, n.Eligibility, n.EligibilityReason, n.IsFrozen,
        n.PublicSummary, n.Achievements, n.Projects,
        n.Partners.OrderBy(p => p.Order).Select(p => new PartnerRow { Name = p.Name, Role = p.Role }).ToList(),
        n.Statistics.Select(s => new StatisticRow { Kind = s.Kind, Label = s.Label, Value = s.Value, Unit = s.Unit, Year = s.Year }).ToList(),
        n.Links.OrderBy(x => x.Order).Select(x => new LinkRow { Url = x.Url, Title = x.Title }).ToList(),
        n.Attachments.Select(ToDto).ToList(),
        n.Endorsements.Select(e => new EndorsementDto(e.EndorserName, e.Status)).ToList());
}
