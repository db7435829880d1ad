using System.Text.Json.Serialization;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AwardVote.Web.Api;

/// <summary>
/// Letters of support in the JSON API: the library asks for them and sees which arrived
/// (<see cref="RequestEndorsement"/>, <see cref="ListEndorsements"/>), and the endorser, holding the one-time link's
/// token and no account, writes one (<see cref="OpenEndorsementLink"/>, <see cref="WriteEndorsement"/>) — the same use
/// cases as the pages.
/// </summary>
public static class EndorsementEndpoints
{
    public static void MapEndorsementApi(this IEndpointRouteBuilder endpoints)
    {
        var library = endpoints.MapGroup("/api/nominations/{id:int}/endorsements").WithTags("Letters of support")
            .RequireAuthorization(Policies.SignedIn);
        library.MapGet("", List)
            .WithSummary("The letters of support the nomination asked for, and which arrived")
            .Produces<List<EndorsementRequestDto>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithExample(null, new List<EndorsementRequestDto> { ExampleRequest });
        library.MapPost("", Request)
            .WithSummary("Ask someone for a letter of support: a one-time link by e-mail, in Latvian (lv) or English (en)")
            .Produces<EndorsementRequestDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new RequestEndorsementInput
            {
                Name = ExampleRequest.Name, Email = ExampleRequest.Email, Organisation = ExampleRequest.Organisation, Culture = "lv",
            }, ExampleRequest, StatusCodes.Status201Created);

        // The endorser has no account: the token from the mailed link is the key. It is read from the path when
        // the link is opened, as the page reads it from the link's address, and from the form's body when the letter
        // is sent, so it does not go into another address.
        var endorser = endpoints.MapGroup("/api/endorsements").WithTags("Letters of support").AllowAnonymous();
        endorser.MapGet("/{token}", Open)
            .WithSummary("What a letter-of-support link is about (the token from the mailed link)")
            .Produces<EndorsementLinkDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(null, ExampleLink);
        endorser.MapPost("/letter", Write)
            // Anonymous: the one-time token in the body is what authorises the letter, and no cookie is involved.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadAttachment.RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: UploadAttachment.RequestLimit)
            .WithSummary("Write the letter as multipart/form-data: token, letter, wantsResults and optionally pdf (a signed letter); the link then works no more")
            .Produces<EndorsementLinkDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(null, ExampleLink with { Received = true });
    }

    public sealed record EndorsementRequestDto(int Id, string Name, string Email, string? Title, string? Organisation, string Culture,
        [property: JsonConverter(typeof(JsonStringEnumConverter<EndorsementStatus>))] EndorsementStatus Status,
        DateTimeOffset RequestedAt, DateTimeOffset? ReceivedAt);

    public sealed record EndorsementLinkDto(int NominationId, string LibraryName, string EndorserName, bool Received);

    private static readonly DateTimeOffset ExampleTime = new(2027, 2, 3, 9, 30, 0, TimeSpan.Zero);

    private static readonly EndorsementRequestDto ExampleRequest = new(15, "Eleonora Kleščinska", "eleonora@pasvaldiba.example", null,
        "Kultūras pārvalde", "lv", EndorsementStatus.Requested, ExampleTime, null);

    private static readonly EndorsementLinkDto ExampleLink = new(41, "Latgales Centrālā bibliotēka", "Eleonora Kleščinska", false);

    private static async Task<IResult> List(int id, HttpContext http, AppDbContext db, IAuthorizationService authorization,
        ListEndorsements list, CancellationToken cancellationToken) =>
        await NominationEndpoints.MayEditAsync(id, http.User, db, authorization, cancellationToken)
        ?? TypedResults.Ok((await list.RunAsync(id, cancellationToken)).Select(ToDto).ToList());

    private static async Task<IResult> Request(int id, RequestEndorsementInput input, HttpContext http, AppDbContext db,
        IAuthorizationService authorization, RequestEndorsement request, CancellationToken cancellationToken) =>
        await NominationEndpoints.MayEditAsync(id, http.User, db, authorization, cancellationToken)
        ?? (await request.RunAsync(id, http.User.UserId(), input, cancellationToken)).Answer(http, e => TypedResults.Created(
            $"/api/nominations/{id}/endorsements", new EndorsementRequestDto(e.Id, e.EndorserName, e.EndorserEmail, e.EndorserTitle,
                e.Organisation, e.Culture, e.Status, e.RequestedAt, e.ReceivedAt)));

    private static async Task<IResult> Open(string token, HttpContext http, OpenEndorsementLink open, CancellationToken cancellationToken) =>
        (await open.RunAsync(token, cancellationToken)).Answer(http, link => TypedResults.Ok(ToDto(link, received: false)));

    /// <summary>The endorser's form's fields, by the same names without "Input.", as multipart/form-data.</summary>
    private static async Task<IResult> Write([FromForm] string? token, [FromForm] string? letter, [FromForm] bool? wantsResults, IFormFile? pdf,
        HttpContext http, WriteEndorsement write, CancellationToken cancellationToken)
    {
        var input = new WriteEndorsementInput { Letter = letter ?? "", Pdf = pdf, WantsResults = wantsResults ?? false };
        return (await write.RunAsync(token, input, cancellationToken)).Answer(http, link => TypedResults.Ok(ToDto(link, received: true)));
    }

    private static EndorsementRequestDto ToDto(EndorsementRow e) =>
        new(e.Id, e.Name, e.Email, e.Title, e.Organisation, e.Culture, e.Status, e.RequestedAt, e.ReceivedAt);

    private static EndorsementLinkDto ToDto(EndorsementLink link, bool received) =>
        new(link.NominationId, link.LibraryName.Nominative, link.EndorserName, received);
}
