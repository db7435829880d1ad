using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Application.Libraries;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// Libraries in the JSON API: the same use cases as the pages (<see cref="RegisterLibrary"/>,
/// <see cref="DecideLibraryRegistration"/>, <see cref="InviteRepresentative"/>), so the same rules and messages.
/// </summary>
public static class LibraryEndpoints
{
    public static void MapLibraryApi(this IEndpointRouteBuilder endpoints)
    {
        var libraries = endpoints.MapGroup("/api/libraries").WithTags("Libraries").RequireAuthorization(Policies.SignedIn);
        libraries.MapPost("/", Register)
            .WithSummary("Register a library; the signed-in person becomes its first representative")
            .Produces<LibraryDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithExample(new RegisterLibraryInput
            {
                Name = ExampleValues.Library, NameAccusative = "Latgales Centrālo bibliotēku", Region = "Latgale", Municipality = "Daugavpils", Type = LibraryType.RegionalMain,
                RegistrationNumber = "LV-0123", Website = "https://lcb.lv", Email = "info@lcb.example",
            }, ExampleLibrary, StatusCodes.Status201Created);
        libraries.MapGet("/mine", GetMine).WithSummary("The libraries the signed-in person represents");
        libraries.MapPost("/{id:int}/invitations", Invite)
            .WithSummary("Invite a colleague to represent the library (a one-time link by e-mail)")
            .Produces<InvitationDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithExample(new InviteRepresentativeInput { Name = ExampleValues.Representative, Email = "liga@lcb.example" },
                new InvitationDto(7, "liga@lcb.example", ExampleTime, ExampleTime.AddDays(14)), StatusCodes.Status201Created);

        var admin = endpoints.MapGroup("/api/admin/libraries").WithTags("Libraries").RequireAuthorization(Policies.Administrator);
        admin.MapGet("/", GetAll).WithSummary("Every library, those waiting for a decision first");
        admin.MapPost("/{id:int}/approve", Approve)
            .WithSummary("Approve a library's registration").Produces<LibraryDto>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(null, ExampleLibrary with { Status = LibraryStatus.Approved, DecidedAt = ExampleTime.AddDays(1) });
        admin.MapPost("/{id:int}/refuse", Refuse)
            .WithSummary("Refuse a library's registration, with the reason its representatives read")
            .Produces<LibraryDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new RefuseRequest("Bibliotēka nav biedrības biedre."),
                ExampleLibrary with { Status = LibraryStatus.Refused, RefusalReason = "Bibliotēka nav biedrības biedre.", DecidedAt = ExampleTime.AddDays(1) });
    }

    private static readonly DateTimeOffset ExampleTime = new(2027, 1, 6, 10, 0, 0, TimeSpan.Zero);

    private static readonly LibraryDto ExampleLibrary = new(12, ExampleValues.Library, "Latgale", "Daugavpils", LibraryType.RegionalMain,
        "LV-0123", LibraryStatus.PendingApproval, null, ExampleTime, null, NameFormsDto.Of(LatvianDeclension.Propose(ExampleValues.Library).Name));

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
        DateTimeOffset? DecidedAt,
        NameFormsDto NameForms);

    /// <summary>The name's other cases, as Latvian sentences use it (stored, or proposed from the name).</summary>
    public sealed record NameFormsDto(string Genitive, string Dative, string Accusative, string Locative)
    {
        public static NameFormsDto Of(LibraryName name) => new(name.Genitive, name.Dative, name.Accusative, name.Locative);
    }

    public sealed record MyLibraryDto(
        int Id,
        string Name,
        [property: JsonConverter(typeof(JsonStringEnumConverter<LibraryStatus>))] LibraryStatus Status,
        string? RefusalReason);

    public sealed record RefuseRequest(string? Reason);

    public sealed record InvitationDto(int Id, string Email, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

    private static async Task<IResult> Register(RegisterLibraryInput input, HttpContext http, RegisterLibrary register,
        CancellationToken cancellationToken) =>
        (await register.RunAsync(http.User.UserId(), input, cancellationToken))
            .Answer(http, library => TypedResults.Created($"/api/libraries/{library.Id}", ToDto(library)));

    private static async Task<Ok<List<MyLibraryDto>>> GetMine(ClaimsPrincipal user, MyLibraries mine, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mine.RunAsync(user.UserId(), cancellationToken))
            .Select(x => new MyLibraryDto(x.Id, x.Name, x.Status, x.RefusalReason))
            .ToList());

    private static async Task<IResult> Invite(int id, InviteRepresentativeInput input, HttpContext http, AppDbContext db,
        IAuthorizationService authorization, InviteRepresentative invite, CancellationToken cancellationToken)
    {
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken) is not { } library)
            return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(http.User, library, LibraryOperations.Invite)).Succeeded)
            return TypedResults.Forbid();
        return (await invite.RunAsync(id, http.User.UserId(), input, cancellationToken))
            .Answer(http, i => TypedResults.Created($"/api/libraries/{id}/invitations/{i.Id}", new InvitationDto(i.Id, i.Email, i.InvitedAt, i.ExpiresAt)));
    }

    private static async Task<Results<Ok<List<LibraryDto>>, ValidationProblem>> GetAll(string? status, string? search,
        AppDbContext db, ListLibraries list, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        LibraryStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<LibraryStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [l["Unknown status. Use PendingApproval, Approved or Refused."]] });
            wanted = parsed;
        }
        var ids = (await list.RunAsync(wanted, search, cancellationToken)).Select(r => r.Id).ToList();
        var libraries = await db.Libraries.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(cancellationToken);
        // Keep the list's order (waiting libraries first, then by name).
        var byId = libraries.ToDictionary(x => x.Id);
        return TypedResults.Ok(ids.Select(id => ToDto(byId[id])).ToList());
    }

    private static async Task<IResult> Approve(int id, HttpContext http, DecideLibraryRegistration decide, CancellationToken cancellationToken) =>
        (await decide.RunAsync(id, LibraryDecision.Approve, null, cancellationToken)).Answer(http, library => TypedResults.Ok(ToDto(library)));

    private static async Task<IResult> Refuse(int id, RefuseRequest? body, HttpContext http, DecideLibraryRegistration decide,
        CancellationToken cancellationToken) =>
        (await decide.RunAsync(id, LibraryDecision.Refuse, body?.Reason, cancellationToken)).Answer(http, library => TypedResults.Ok(ToDto(library)));

    private static LibraryDto ToDto(Library x) => new(x.Id, x.Name, x.Region, x.Municipality, x.Type, x.RegistrationNumber,
        x.Status, x.RefusalReason, x.RegisteredAt, x.DecidedAt, NameFormsDto.Of(LibraryName.Of(x)));
}
