using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Accounts;
using AwardVote.Web.Nominations;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using EditModel = AwardVote.Web.Pages.Nominations.EditModel;
using EligibilityModel = AwardVote.Web.Pages.Admin.Eligibility.IndexModel;

namespace AwardVote.Web.Api;

/// <summary>
/// Nominations in the JSON API. Every change goes through <see cref="NominationEditor"/>, as on the pages, so the
/// deadline, freezing and concurrency rules are the same; a refusal is a 409 with the same localised message.
/// </summary>
public static class NominationEndpoints
{
    public static void MapNominationApi(this IEndpointRouteBuilder endpoints)
    {
        var nominations = endpoints.MapGroup("/api/nominations").WithTags("Nominations").RequireAuthorization(Policies.SignedIn);
        nominations.MapGet("/{id:int}", Get);
        nominations.MapPut("/{id:int}", Save);
        nominations.MapPost("/{id:int}/submit", Submit);
        nominations.MapPost("/{id:int}/withdraw", Withdraw);

        endpoints.MapPost("/api/admin/nominations/{id:int}/eligibility", Decide)
            .WithTags("Nominations")
            .RequireAuthorization(Policies.Administrator);
    }

    public sealed record NominationDto(
        int Id, int CycleId, int CategoryId, int LibraryId, Guid Version,
        [property: JsonConverter(typeof(JsonStringEnumConverter<NominationStatus>))] NominationStatus Status,
        [property: JsonConverter(typeof(JsonStringEnumConverter<EligibilityDecision>))] EligibilityDecision Eligibility,
        string? EligibilityReason, bool Frozen, string? PublicSummary, string? Achievements, string? Projects,
        IReadOnlyList<EditModel.PartnerRow> Partners, IReadOnlyList<EditModel.StatisticRow> Statistics, IReadOnlyList<EditModel.LinkRow> Links,
        IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<EndorsementDto> Endorsements);

    public sealed record AttachmentDto(int Id, string FileName, string ContentType, long SizeBytes, string Url);
    public sealed record EndorsementDto(string Name, [property: JsonConverter(typeof(JsonStringEnumConverter<EndorsementStatus>))] EndorsementStatus Status);
    public sealed record VersionRequest(Guid Version);
    public sealed record EligibilityRequest([property: JsonConverter(typeof(JsonStringEnumConverter<EligibilityDecision>))] EligibilityDecision Outcome, string? Reason);

    private static async Task<Results<Ok<NominationDto>, NotFound, ForbidHttpResult>> Get(int id, ClaimsPrincipal user,
        NominationEditor editor, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(user, nomination, NominationOperations.View)).Succeeded)
            return TypedResults.Forbid();
        return TypedResults.Ok(ToDto(nomination));
    }

    private static async Task<Results<Ok<NominationDto>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Save(int id,
        EditModel.InputModel input, ClaimsPrincipal user, NominationEditor editor, IAuthorizationService authorization,
        CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(user, nomination, NominationOperations.Edit)).Succeeded)
            return TypedResults.Forbid();
        if (Validate(input) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var result = await editor.SaveAsync(nomination, EditModel.ToContent(input), input.Version, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(ToDto(nomination)) : TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<NominationDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> Submit(int id, VersionRequest request,
        HttpContext http, NominationEditor editor, IAuthorizationService authorization, AccountMail mail, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(http.User, nomination, NominationOperations.Edit)).Succeeded)
            return TypedResults.Forbid();
        var result = await editor.SubmitAsync(nomination, request.Version,
            $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/Nominations/Edit?id={id}", cancellationToken);
        if (!result.Succeeded)
            return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);
        mail.DeliverSoon();
        return TypedResults.Ok(ToDto(nomination));
    }

    private static async Task<Results<Ok<NominationDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> Withdraw(int id, VersionRequest request,
        ClaimsPrincipal user, NominationEditor editor, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(user, nomination, NominationOperations.Edit)).Succeeded)
            return TypedResults.Forbid();
        var result = await editor.WithdrawAsync(nomination, request.Version, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(ToDto(nomination)) : TypedResults.Problem(result.Error, statusCode: StatusCodes.Status409Conflict);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Decide(int id, EligibilityRequest request, HttpContext http,
        AppDbContext db, IServiceProvider services, AccountMail mail, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
            return TypedResults.NotFound();
        var screening = ActivatorUtilities.CreateInstance<EligibilityModel>(services);
        var errors = await screening.DecideAsync(nomination, request.Outcome, request.Reason, http.User.UserId(),
            $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/Nominations", cancellationToken);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = errors.ToArray() });
        mail.DeliverSoon();
        return TypedResults.NoContent();
    }

    /// <summary>The input model's attributes, applied to the whole body and to every row.</summary>
    private static Dictionary<string, string[]> Validate(EditModel.InputModel input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var row in input.Partners.Cast<object>().Concat(input.Statistics).Concat(input.Links))
            Validator.TryValidateObject(row, new ValidationContext(row), results, validateAllProperties: true);
        foreach (var link in input.Links.Where(x => !string.IsNullOrWhiteSpace(x.Url)))
        {
            if (!(Uri.TryCreate(link.Url!.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                results.Add(new ValidationResult("A link must be a web address starting with https:// or http://.", ["Links"]));
        }
        return results
            .GroupBy(r => r.MemberNames.FirstOrDefault() ?? "")
            .ToDictionary(g => g.Key, g => g.Select(r => r.ErrorMessage ?? "").ToArray());
    }

    private static NominationDto ToDto(Nomination n) => new(
        n.Id, n.CycleId, n.CategoryId, n.LibraryId, n.Version, n.Status, n.Eligibility, n.EligibilityReason, n.IsFrozen,
        n.PublicSummary, n.Achievements, n.Projects,
        n.Partners.OrderBy(p => p.Order).Select(p => new EditModel.PartnerRow { Name = p.Name, Role = p.Role }).ToList(),
        n.Statistics.Select(s => new EditModel.StatisticRow { Kind = s.Kind, Label = s.Label, Value = s.Value, Unit = s.Unit, Year = s.Year }).ToList(),
        n.Links.OrderBy(x => x.Order).Select(x => new EditModel.LinkRow { Url = x.Url, Title = x.Title }).ToList(),
        n.Attachments.Select(a => new AttachmentDto(a.Id, a.SafeFileName, a.ContentType, a.SizeBytes, $"/Nominations/File?id={a.Id}")).ToList(),
        n.Endorsements.Select(e => new EndorsementDto(e.EndorserName, e.Status)).ToList());
}
