using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Application;
using AwardVote.Application.Counting;
using AwardVote.Application.Jury;
using AwardVote.Application.Results;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// Results in the JSON API: the public announcement and archive (nothing before publication, <see cref="PublicResults"/>),
/// the chair's citation, and the administrator's approval and publication, through the same use cases as the pages
/// (<see cref="SaveCitation"/>, <see cref="StartCorrection"/>, <see cref="ApprovePublication"/>, <see cref="PublishResults"/>,
/// <see cref="SchedulePublication"/>, <see cref="PublishCorrection"/>).
/// </summary>
public static class PublicationEndpoints
{
    public static void MapPublicationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cycles/{slug}/results", GetResults).WithTags("Results").AllowAnonymous()
            .WithSummary("A cycle's published announcements (404 before publication)").Produces<ResultsDto>().ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/api/cycles/{slug}/results/{categoryId:int}/ballots", GetPublicBallots).WithTags("Results").AllowAnonymous()
            .WithSummary("The anonymised ballot file behind a published laureate, for awardvote verify (404 unless published and the statute opens it)")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain").ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/api/cycles/{slug}/results/{categoryId:int}/protocol", GetPublicProtocol).WithTags("Results").AllowAnonymous()
            .WithSummary("The published protocol (method, steps, order, SHA-256 of the ballot file, any casting vote) behind a laureate, for awardvote verify")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/api/laureates", GetLaureates).WithTags("Results").AllowAnonymous()
            .WithSummary("Every laureate ever announced, newest year first").Produces<List<LaureateDto>>();

        var jury = endpoints.MapGroup("/api/jury/{cycleId:int}/{categoryId:int}").WithTags("Results").RequireAuthorization(Policies.Chair);
        jury.MapPut("/citation", PutCitation)
            .WithSummary("The panel's chair (or an administrator) writes or rewrites the category's citation in results review")
            .Produces<PublicationDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new SaveCitationInput { Citation = "Par drosmi atvērt bibliotēku ikvienam novada lasītājam.", CitationEn = "For the courage to open the library to every reader." },
                ExamplePublication);
        jury.MapPost("/citation/correction", StartCorrection)
            .WithSummary("Start a correction of the category's published announcement: a new announcement to write, approve and publish")
            .Produces<PublicationDto>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new CorrectionRequest(41), ExamplePublication with { Id = 42, Sequence = 2, CorrectsPublicationId = 41 });

        var admin = endpoints.MapGroup("/api/admin").WithTags("Results").RequireAuthorization(Policies.Administrator);
        admin.MapGet("/cycles/{id:int}/publication", GetPublication)
            .WithSummary("Where each category stands on the way to its announcement, and what still keeps the results from publication")
            .Produces<PublicationStateDto>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/publications/{id:int}/approve", Approve)
            .WithSummary("Approve a citation (or a correction) as written, at the version read")
            .Produces<PublicationDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new VersionRequest(ExampleVersion), ExamplePublication with { ApprovedAt = ExampleTime });
        admin.MapPost("/publications/{id:int}/publish", PublishCorrection)
            .WithSummary("Publish an approved correction beside the announcement it corrects")
            .Produces<PublicationDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new VersionRequest(ExampleVersion), ExamplePublication with { Id = 42, Sequence = 2, CorrectsPublicationId = 41, PublishedAt = ExampleTime });
        admin.MapPost("/cycles/{id:int}/publish", Publish)
            .WithSummary("Publish the cycle's approved results now (at: null, confirm: true, after reading the preview), or at a time to come")
            .Produces<List<PublicationDto>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new PublishRequest(ExampleTime.AddDays(2)), new List<PublicationDto> { ExamplePublication with { ApprovedAt = ExampleTime, ScheduledFor = ExampleTime.AddDays(2) } });
        admin.MapDelete("/cycles/{id:int}/scheduled-publication", CancelSchedule)
            .WithSummary("Cancel the time set for the cycle's publication")
            .Produces<List<PublicationDto>>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static readonly DateTimeOffset ExampleTime = new(2027, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ExampleVersion = new("0b8f6f0e-1f7c-4d0a-9a8e-5c2d3e4f5a6b");

    private static readonly PublicationDto ExamplePublication = new(41, 7, 21, 1, 301, "Par drosmi atvērt bibliotēku ikvienam novada lasītājam.",
        "For the courage to open the library to every reader.", null, null, null, null, null, null, ExampleVersion);

    public sealed record PhotoDto(int Id, string Url, string? Caption, string? Credit, string? Licence);
    public sealed record NomineeDto(int NominationId, string LibraryName, string? PublicSummary, bool IsLaureate, IReadOnlyList<PhotoDto> Photos);
    public sealed record EarlierDto(int PublicationId, string LaureateName, string Citation, string? CitationEn, DateTimeOffset PublishedAt);
    public sealed record AnnouncementDto(int PublicationId, int CategoryId, string CategoryName, string? CategoryNameEn, NomineeDto Laureate,
        string Citation, string? CitationEn, DateTimeOffset PublishedAt, IReadOnlyList<NomineeDto> Shortlist, string? CorrectionNote,
        string? CorrectionNoteEn, IReadOnlyList<EarlierDto> Corrected, CountDto? Count);
    /// <summary>The count behind the laureate, when the statute lets anyone check it: download both files and run <c>awardvote verify</c>.</summary>
    public sealed record CountDto(int Round, string BallotFileSha256, string BallotFileUrl, string ProtocolUrl);
    public sealed record ResultsDto(string Slug, string Title, string? TitleEn, int Year, IReadOnlyList<AnnouncementDto> Announcements);
    public sealed record LaureateDto(int Year, string CycleSlug, string CycleTitle, string? CycleTitleEn, string CategoryName, string? CategoryNameEn,
        string LibraryName, string Citation, string? CitationEn, DateTimeOffset PublishedAt);

    public sealed record PublicationDto(int Id, int CycleId, int CategoryId, int Sequence, int LaureateNominationId, string Citation,
        string? CitationEn, int? CorrectsPublicationId, string? CorrectionNote, string? CorrectionNoteEn, DateTimeOffset? ApprovedAt,
        DateTimeOffset? ScheduledFor, DateTimeOffset? PublishedAt, Guid Version);

    /// <summary>A reason's <c>Code</c> and its words in the request's language.</summary>
    public sealed record ReasonDto(string Code, string Message);

    /// <summary>
    /// A category on the way to its announcement: the laureate the result names (or why none yet), the announcement being
    /// written (<c>Pending</c>: its id and version are what approval and publication take) and the one the public reads.
    /// </summary>
    public sealed record CategoryPublicationDto(int CategoryId, string CategoryName, string? CategoryNameEn, int? FinalResultId,
        int? LaureateNominationId, string? LaureateName, ReasonDto? NoLaureate, PublicationDto? Pending, PublicationDto? Current);

    public sealed record PublicationStateDto(int CycleId,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CyclePhase>))] CyclePhase Phase,
        DateTimeOffset? ScheduledFor, IReadOnlyList<ReasonDto> Blockers, IReadOnlyList<CategoryPublicationDto> Categories);

    public sealed record CorrectionRequest(int PublicationId);
    public sealed record VersionRequest(Guid Version);
    /// <summary><c>At</c> null: publish now; otherwise the announcement time (any offset; stored in UTC).</summary>
    /// <param name="At">A time to come, or null to publish now.</param>
    /// <param name="Confirm">Publishing now needs <c>true</c>: a publication is never taken back (read the preview first).</param>
    public sealed record PublishRequest(DateTimeOffset? At, bool Confirm = false);

    private static async Task<IResult> GetResults(string slug, PublicResults results, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await results.ForCycleAsync(slug, cancellationToken) is not { Announced: true } found)
            return TypedResults.Problem(l["The results are not announced yet."], statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(new ResultsDto(found.Slug, found.Title, found.TitleEn, found.Year, found.Announcements.Select(a => new AnnouncementDto(
            a.PublicationId, a.CategoryId, a.CategoryName, a.CategoryNameEn, Nominee(a.Laureate), a.Citation, a.CitationEn, a.PublishedAt,
            a.Shortlist.Select(Nominee).ToList(), a.CorrectionNote, a.CorrectionNoteEn,
            a.Corrected.Select(e => new EarlierDto(e.PublicationId, e.LaureateName, e.Citation, e.CitationEn, e.PublishedAt)).ToList(),
            a.Count is { } count
                ? new CountDto(count.RoundNumber, count.BallotFileSha256, PublicCountUrl(found.Slug, a.CategoryId, "ballots"), PublicCountUrl(found.Slug, a.CategoryId, "protocol"))
                : null)).ToList()));
    }

    /// <summary>Where anyone downloads a published count's file (the results page links here too).</summary>
    public static string PublicCountUrl(string slug, int categoryId, string file) =>
        $"/api/cycles/{Uri.EscapeDataString(slug)}/results/{categoryId}/{file}";

    private static Task<IResult> GetPublicBallots(string slug, int categoryId, HttpContext http, DownloadPublishedCount download, CancellationToken cancellationToken) =>
        PublicFileAsync(slug, categoryId, CountFile.Ballots, http, download, cancellationToken);

    private static Task<IResult> GetPublicProtocol(string slug, int categoryId, HttpContext http, DownloadPublishedCount download, CancellationToken cancellationToken) =>
        PublicFileAsync(slug, categoryId, CountFile.Protocol, http, download, cancellationToken);

    private static async Task<IResult> PublicFileAsync(string slug, int categoryId, CountFile file, HttpContext http, DownloadPublishedCount download,
        CancellationToken cancellationToken) =>
        (await download.RunAsync(slug, categoryId, file, cancellationToken))
            .Answer(http, found => TypedResults.File(found.Content, found.ContentType, found.FileName));

    private static async Task<IResult> GetLaureates(PublicResults results, CancellationToken cancellationToken) =>
        TypedResults.Ok((await results.ArchiveAsync(cancellationToken))
            .Select(e => new LaureateDto(e.Year, e.CycleSlug, e.CycleTitle, e.CycleTitleEn, e.CategoryName, e.CategoryNameEn, e.LibraryName,
                e.Citation, e.CitationEn, e.PublishedAt))
            .ToList());

    private static async Task<IResult> PutCitation(int cycleId, int categoryId, SaveCitationInput request, ClaimsPrincipal user,
        SaveCitation save, HttpContext http, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        return (await save.RunAsync(cycleId, categoryId, request, user.UserId(), cancellationToken)).Answer(http, p => TypedResults.Ok(ToDto(p)));
    }

    private static async Task<IResult> StartCorrection(int cycleId, int categoryId, CorrectionRequest request, ClaimsPrincipal user,
        StartCorrection start, AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        if (!await db.Publications.AnyAsync(p => p.Id == request.PublicationId && p.CycleId == cycleId && p.CategoryId == categoryId, cancellationToken))
            return TypedResults.NotFound();
        return (await start.RunAsync(request.PublicationId, user.UserId(), cancellationToken)).Answer(http, p => TypedResults.Ok(ToDto(p)));
    }

    private static async Task<IResult> GetPublication(int id, ResultStandings standings, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await standings.CycleAsync(id, cancellationToken) is not { } cycle)
            return TypedResults.NotFound();
        var views = await standings.LoadAsync(cycle, tracked: false, cancellationToken);
        var blockers = cycle.Phase == CyclePhase.ResultsReview
            ? PublicationRefusals.For(PublicationRules.CheckPublication(cycle.Phase, views.Select(v => v.Standing).ToList()), cycle.Categories)
                .Select(r => new ReasonDto(r.Code.ToString(), RefusalText.Describe(r, l))).ToList()
            : [];
        return TypedResults.Ok(new PublicationStateDto(cycle.Id, cycle.Phase,
            views.Select(v => v.Standing.Pending?.ScheduledFor).FirstOrDefault(at => at is not null), blockers,
            views.Select(v => new CategoryPublicationDto(v.Category.Id, v.Category.Name, v.Category.NameEn, v.FinalResult?.Id,
                v.Standing.LaureateNominationId, v.Laureate?.LibraryName,
                v.Standing.Decision.Refusal is { } refusal && PublicationRefusals.For(refusal) is var reason
                    ? new ReasonDto(reason.Code.ToString(), RefusalText.Describe(reason, l))
                    : null,
                v.Standing.Pending is { } pending ? ToDto(pending) : null,
                v.Standing.Current is { } current ? ToDto(current) : null)).ToList()));
    }

    private static async Task<IResult> Approve(int id, VersionRequest request, ClaimsPrincipal user, ApprovePublication approve, HttpContext http,
        CancellationToken cancellationToken) =>
        (await approve.RunAsync(id, request.Version, user.UserId(), cancellationToken)).Answer(http, p => TypedResults.Ok(ToDto(p)));

    private static async Task<IResult> PublishCorrection(int id, VersionRequest request, ClaimsPrincipal user, PublishCorrection publish, HttpContext http,
        CancellationToken cancellationToken) =>
        (await publish.RunAsync(id, request.Version, user.UserId(), cancellationToken)).Answer(http, p => TypedResults.Ok(ToDto(p)));

    private static async Task<IResult> Publish(int id, PublishRequest request, ClaimsPrincipal user, PublishResults publish, SchedulePublication schedule,
        AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = request.At is { } at
            ? await schedule.RunAsync(id, at.ToUniversalTime(), cancellationToken)
            : await publish.RunAsync(id, user.UserId(), onlyIfDue: false, request.Confirm, cancellationToken);
        return outcome.Succeeded ? await PublicationsAsync(id, db, cancellationToken) : OutcomeResults.Problem(outcome, http);
    }

    private static async Task<IResult> CancelSchedule(int id, SchedulePublication schedule, AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await schedule.RunAsync(id, null, cancellationToken);
        return outcome.Succeeded ? await PublicationsAsync(id, db, cancellationToken) : OutcomeResults.Problem(outcome, http);
    }

    private static async Task<IResult> PublicationsAsync(int cycleId, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Publications.AsNoTracking().Where(p => p.CycleId == cycleId).OrderBy(p => p.CategoryId).ThenBy(p => p.Sequence)
            .ToListAsync(cancellationToken)).Select(ToDto).ToList());

    private static NomineeDto Nominee(PublicResults.Nominee n) => new(n.NominationId, n.LibraryName, n.PublicSummary, n.IsLaureate,
        n.Photos.Select(p => new PhotoDto(p.AttachmentId, $"/Nominations/File?id={p.AttachmentId}", p.Caption, p.Credit, p.Licence)).ToList());

    private static PublicationDto ToDto(Publication p) => new(p.Id, p.CycleId, p.CategoryId, p.Sequence, p.LaureateNominationId, p.Citation,
        p.CitationEn, p.CorrectsPublicationId, p.CorrectionNote, p.CorrectionNoteEn, p.ApprovedAt, p.ScheduledFor, p.PublishedAt, p.Version);
}
