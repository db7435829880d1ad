using System.Security.Claims;
using AwardVote.Application.Jury;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Results;
using AwardVote.Web.Localization;
using AwardVote.Web.Publishing;
using AwardVote.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// Results in the JSON API: the public announcement and archive (nothing before publication), the chair's citation,
/// and the administrator's approval and publication, through the same <see cref="ResultsPublisher"/> as the pages.
/// </summary>
public static class PublicationEndpoints
{
    public static void MapPublicationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cycles/{slug}/results", GetResults).WithTags("Results").AllowAnonymous();
        endpoints.MapGet("/api/laureates", GetLaureates).WithTags("Results").AllowAnonymous();

        var jury = endpoints.MapGroup("/api/jury/{cycleId:int}/{categoryId:int}").WithTags("Results").RequireAuthorization(Policies.Chair);
        jury.MapPut("/citation", PutCitation);
        jury.MapPost("/citation/correction", StartCorrection);

        var admin = endpoints.MapGroup("/api/admin").WithTags("Results").RequireAuthorization(Policies.Administrator);
        admin.MapPost("/publications/{id:int}/approve", Approve);
        admin.MapPost("/publications/{id:int}/publish", PublishCorrection);
        admin.MapPost("/cycles/{id:int}/publish", Publish);
    }

    public sealed record PhotoDto(int Id, string Url, string? Caption, string? Credit, string? Licence);
    public sealed record NomineeDto(int NominationId, string LibraryName, string? PublicSummary, bool IsLaureate, IReadOnlyList<PhotoDto> Photos);
    public sealed record EarlierDto(int PublicationId, string LaureateName, string Citation, string? CitationEn, DateTimeOffset PublishedAt);
    public sealed record AnnouncementDto(int PublicationId, int CategoryId, string CategoryName, string? CategoryNameEn, NomineeDto Laureate,
        string Citation, string? CitationEn, DateTimeOffset PublishedAt, IReadOnlyList<NomineeDto> Shortlist, string? CorrectionNote,
        string? CorrectionNoteEn, IReadOnlyList<EarlierDto> Corrected);
    public sealed record ResultsDto(string Slug, string Title, string? TitleEn, int Year, IReadOnlyList<AnnouncementDto> Announcements);
    public sealed record LaureateDto(int Year, string CycleSlug, string CycleTitle, string? CycleTitleEn, string CategoryName, string? CategoryNameEn,
        string LibraryName, string Citation, string? CitationEn, DateTimeOffset PublishedAt);

    public sealed record PublicationDto(int Id, int CycleId, int CategoryId, int Sequence, int LaureateNominationId, string Citation,
        string? CitationEn, int? CorrectsPublicationId, string? CorrectionNote, string? CorrectionNoteEn, DateTimeOffset? ApprovedAt,
        DateTimeOffset? ScheduledFor, DateTimeOffset? PublishedAt, Guid Version);

    /// <summary><c>PublicationId</c> and <c>Version</c> of the announcement being rewritten; both null for a category's first.</summary>
    public sealed record CitationRequest(int? PublicationId, Guid? Version, string? Citation, string? CitationEn, string? CorrectionNote, string? CorrectionNoteEn);
    public sealed record CorrectionRequest(int PublicationId);
    public sealed record VersionRequest(Guid Version);
    /// <summary><c>At</c> null: publish now; otherwise the announcement time (any offset; stored in UTC).</summary>
    public sealed record PublishRequest(DateTimeOffset? At);

    private static async Task<IResult> GetResults(string slug, PublicResults results, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await results.ForCycleAsync(slug, cancellationToken) is not { Announced: true } found)
            return TypedResults.Problem(l["The results are not announced yet."], statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(new ResultsDto(found.Slug, found.Title, found.TitleEn, found.Year, found.Announcements.Select(a => new AnnouncementDto(
            a.PublicationId, a.CategoryId, a.CategoryName, a.CategoryNameEn, Nominee(a.Laureate), a.Citation, a.CitationEn, a.PublishedAt,
            a.Shortlist.Select(Nominee).ToList(), a.CorrectionNote, a.CorrectionNoteEn,
            a.Corrected.Select(e => new EarlierDto(e.PublicationId, e.LaureateName, e.Citation, e.CitationEn, e.PublishedAt)).ToList())).ToList()));
    }

    private static async Task<IResult> GetLaureates(PublicResults results, CancellationToken cancellationToken) =>
        TypedResults.Ok((await results.ArchiveAsync(cancellationToken))
            .Select(e => new LaureateDto(e.Year, e.CycleSlug, e.CycleTitle, e.CycleTitleEn, e.CategoryName, e.CategoryNameEn, e.LibraryName,
                e.Citation, e.CitationEn, e.PublishedAt))
            .ToList());

    private static async Task<IResult> PutCitation(int cycleId, int categoryId, CitationRequest request, ClaimsPrincipal user, HttpContext http,
        ResultsPublisher publisher, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        var outcome = await publisher.SaveCitationAsync(cycleId, categoryId,
            new ResultsPublisher.CitationInput(request.PublicationId, request.Version, request.Citation, request.CitationEn,
                request.CorrectionNote, request.CorrectionNoteEn),
            user.UserId(), cancellationToken);
        return await AnswerAsync(outcome, db, l, cancellationToken);
    }

    private static async Task<IResult> StartCorrection(int cycleId, int categoryId, CorrectionRequest request, ClaimsPrincipal user, HttpContext http,
        ResultsPublisher publisher, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await http.ForbidUnlessAsync(new Panel(cycleId, categoryId), PanelOperations.Manage) is { } denied)
            return denied;
        if (!await db.Publications.AnyAsync(p => p.Id == request.PublicationId && p.CycleId == cycleId && p.CategoryId == categoryId, cancellationToken))
            return TypedResults.NotFound();
        return await AnswerAsync(await publisher.StartCorrectionAsync(request.PublicationId, user.UserId(), cancellationToken), db, l, cancellationToken);
    }

    private static async Task<IResult> Approve(int id, VersionRequest request, ClaimsPrincipal user, ResultsPublisher publisher, AppDbContext db,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        await AnswerAsync(await publisher.ApproveAsync(id, request.Version, user.UserId(), cancellationToken), db, l, cancellationToken);

    private static async Task<IResult> PublishCorrection(int id, VersionRequest request, ClaimsPrincipal user, ResultsPublisher publisher, AppDbContext db,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        await AnswerAsync(await publisher.PublishCorrectionAsync(id, request.Version, user.UserId(), cancellationToken), db, l, cancellationToken);

    private static async Task<IResult> Publish(int id, PublishRequest request, ClaimsPrincipal user, ResultsPublisher publisher, AppDbContext db,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var outcome = request.At is { } at
            ? await publisher.ScheduleAsync(id, at.ToUniversalTime(), cancellationToken)
            : await publisher.PublishAsync(id, user.UserId(), onlyIfDue: false, cancellationToken);
        if (!outcome.Succeeded)
            return await AnswerAsync(outcome, db, l, cancellationToken);
        var publications = await db.Publications.AsNoTracking().Where(p => p.CycleId == id).OrderBy(p => p.CategoryId).ThenBy(p => p.Sequence)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(publications.Select(ToDto).ToList());
    }

    private static async Task<IResult> AnswerAsync(ResultsPublisher.Outcome outcome, AppDbContext db, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        if (outcome.NotFound)
            return TypedResults.NotFound();
        if (outcome.Succeeded)
            return outcome.Publication is { } publication ? TypedResults.Ok(ToDto(publication)) : TypedResults.NoContent();
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => DisplayNames.Pick(c.Name, c.NameEn), cancellationToken);
        var messages = PublicationText.Messages(outcome, id => names.GetValueOrDefault(id, ""), l);
        // Missing or too long input is the request's fault; everything else is the state the results are in.
        if (outcome.Problems.Count > 0 && outcome.Problems.All(p => p.Kind is PublicationProblemKind.NoCitation or PublicationProblemKind.NoCorrectionNote
                or PublicationProblemKind.TooLong or PublicationProblemKind.TimeInPast))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["publication"] = messages.ToArray() });
        return TypedResults.Problem(string.Join(" ", messages), statusCode: StatusCodes.Status409Conflict);
    }

    private static NomineeDto Nominee(PublicResults.Nominee n) => new(n.NominationId, n.LibraryName, n.PublicSummary, n.IsLaureate,
        n.Photos.Select(p => new PhotoDto(p.AttachmentId, $"/Nominations/File?id={p.AttachmentId}", p.Caption, p.Credit, p.Licence)).ToList());

    private static PublicationDto ToDto(Publication p) => new(p.Id, p.CycleId, p.CategoryId, p.Sequence, p.LaureateNominationId, p.Citation,
        p.CitationEn, p.CorrectsPublicationId, p.CorrectionNote, p.CorrectionNoteEn, p.ApprovedAt, p.ScheduledFor, p.PublishedAt, p.Version);
}
