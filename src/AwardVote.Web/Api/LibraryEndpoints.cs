using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Web.Accounts;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AllLibrariesModel = AwardVote.Web.Pages.Admin.Libraries.IndexModel;
using MyLibrariesModel = AwardVote.Web.Pages.Libraries.IndexModel;
using RegisterModel = AwardVote.Web.Pages.Libraries.RegisterModel;
using ReviewModel = AwardVote.Web.Pages.Admin.Libraries.ReviewModel;

namespace AwardVote.Web.Api;

/// <summary>
/// Libraries in the JSON API: the same rules as the pages, because the endpoints call the pages' own handlers
/// (<see cref="RegisterModel.RegisterAsync"/>, <see cref="ReviewModel.DecideAsync"/>).
/// </summary>
public static class LibraryEndpoints
{
    public static void MapLibraryApi(this IEndpointRouteBuilder endpoints)
    {
        var libraries = endpoints.MapGroup("/api/libraries").WithTags("Libraries").RequireAuthorization(Policies.SignedIn);
        libraries.MapPost("/", Register);
        libraries.MapGet("/mine", GetMine);

        var admin = endpoints.MapGroup("/api/admin/libraries").WithTags("Libraries").RequireAuthorization(Policies.Administrator);
        admin.MapGet("/", GetAll);
        admin.MapPost("/{id:int}/approve", Approve);
        admin.MapPost("/{id:int}/refuse", Refuse);
    }

    public sealed record LibraryDto(
        int Id,
        string Name,
        string Region,
        string? Municipality,
        [property: JsonConverter(typeof(JsonStringEnumConverter<LibraryType>))] LibraryType Type,
        string RegistrationNumber,
        [property: JsonConverter(typeof(JsonStringEnumConverter<LibraryStatus>))] LibraryStatus Status,
        string? RefusalReason,
        DateTimeOffset RegisteredAt,
        DateTimeOffset? DecidedAt);

    public sealed record MyLibraryDto(
        int Id,
        string Name,
        [property: JsonConverter(typeof(JsonStringEnumConverter<LibraryStatus>))] LibraryStatus Status,
        string? RefusalReason);

    public sealed record RefuseRequest(string? Reason);

    private static async Task<Results<Created<LibraryDto>, ValidationProblem>> Register(RegisterModel.InputModel input,
        ClaimsPrincipal user, AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        // The attributes' messages are the localizer's keys (they have no placeholders), so they translate as on the page.
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true))
            return Problem(results.Select(r => (r.MemberNames.FirstOrDefault() ?? "", (string)l[r.ErrorMessage ?? ""])));

        var outcome = await RegisterModel.RegisterAsync(db, audit, clock, l, user.UserId(), input, cancellationToken);
        if (!outcome.Succeeded)
            return Problem(outcome.Errors.Select(e => (e.Field, e.Message)));
        return TypedResults.Created($"/api/libraries/{outcome.Library!.Id}", ToDto(outcome.Library));
    }

    private static async Task<Ok<List<MyLibraryDto>>> GetMine(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await MyLibrariesModel.MineAsync(db, user.UserId(), cancellationToken))
            .Select(x => new MyLibraryDto(x.Id, x.Name, x.Status, x.RefusalReason))
            .ToList());

    private static async Task<Results<Ok<List<LibraryDto>>, ValidationProblem>> GetAll(string? status, string? search,
        AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        LibraryStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<LibraryStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return Problem([("status", l["Unknown status. Use PendingApproval, Approved or Refused."])]);
            wanted = parsed;
        }
        var ids = (await AllLibrariesModel.ListAsync(db, wanted, search, cancellationToken)).Select(r => r.Id).ToList();
        var libraries = await db.Libraries.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(cancellationToken);
        // Keep the list's order (waiting libraries first, then by name).
        var byId = libraries.ToDictionary(x => x.Id);
        return TypedResults.Ok(ids.Select(id => ToDto(byId[id])).ToList());
    }

    private static Task<IResult> Approve(int id, HttpRequest request, AppDbContext db, AuditLog audit, Outbox outbox,
        AccountMail mail, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        DecideAsync(id, ReviewModel.Decision.Approve, null, request, db, audit, outbox, mail, clock, l, cancellationToken);

    private static Task<IResult> Refuse(int id, RefuseRequest? body, HttpRequest request, AppDbContext db, AuditLog audit,
        Outbox outbox, AccountMail mail, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        DecideAsync(id, ReviewModel.Decision.Refuse, body?.Reason, request, db, audit, outbox, mail, clock, l, cancellationToken);

    private static async Task<IResult> DecideAsync(int id, ReviewModel.Decision decision, string? reason, HttpRequest request,
        AppDbContext db, AuditLog audit, Outbox outbox, AccountMail mail, TimeProvider clock, IStringLocalizer<SharedResource> l,
        CancellationToken cancellationToken)
    {
        var result = await ReviewModel.DecideAsync(db, audit, outbox, clock, id, decision, reason,
            ReviewModel.LibrariesUrl(request), cancellationToken);
        switch (result)
        {
            case ReviewModel.DecisionResult.Done:
                mail.DeliverSoon();
                var library = await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
                return TypedResults.Ok(ToDto(library));
            case ReviewModel.DecisionResult.NotFound:
                return TypedResults.NotFound();
            case ReviewModel.DecisionResult.ReasonMissing:
                return Problem([("reason", l["Write the reason for the refusal: the library's representatives will read it."])]);
            case ReviewModel.DecisionResult.ReasonTooLong:
                return Problem([("reason", l["The reason is too long."])]);
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                    detail: l["This decision is not possible in the library's present status. The page shows the status now."]);
        }
    }

    private static ValidationProblem Problem(IEnumerable<(string Field, string Message)> errors) =>
        TypedResults.ValidationProblem(errors
            .GroupBy(e => JsonName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    /// <summary>Error keys as the JSON fields are named (camelCase), so a script can match them to its input.</summary>
    private static string JsonName(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];

    private static LibraryDto ToDto(Library x) => new(x.Id, x.Name, x.Region, x.Municipality, x.Type, x.RegistrationNumber,
        x.Status, x.RefusalReason, x.RegisteredAt, x.DecidedAt);
}
