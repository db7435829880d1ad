using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
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
using Microsoft.Extensions.Localization;
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
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return TypedResults.NotFound();
        if (!(await authorization.AuthorizeAsync(user, nomination, NominationOperations.Edit)).Succeeded)
            return TypedResults.Forbid();
        if (Validate(input, l) is { Count: > 0 } errors)
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

    /// <summary>
    /// The input model's attributes, applied to the body and to every row, with the same Latvian (or English)
    /// messages the form shows: the attribute's message is the localizer's key, formatted as DataAnnotations does.
    /// </summary>
    private static Dictionary<string, string[]> Validate(EditModel.InputModel input, IStringLocalizer l)
    {
        var errors = new Dictionary<string, List<string>>();
        Check(input, "", l, errors);
        for (var i = 0; i < input.Partners.Count; i++) Check(input.Partners[i], $"Partners[{i}].", l, errors);
        for (var i = 0; i < input.Statistics.Count; i++) Check(input.Statistics[i], $"Statistics[{i}].", l, errors);
        for (var i = 0; i < input.Links.Count; i++)
        {
            Check(input.Links[i], $"Links[{i}].", l, errors);
            var url = input.Links[i].Url;
            if (!string.IsNullOrWhiteSpace(url) && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                Add(errors, $"Links[{i}].Url", l["A link must be a web address starting with https:// or http://."]);
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Check(object model, string prefix, IStringLocalizer l, Dictionary<string, List<string>> errors)
    {
        foreach (var property in model.GetType().GetProperties())
        {
            var value = property.GetValue(model);
            var name = l[property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name].Value;
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.IsValid(value))
                    continue;
                var template = l[attribute.ErrorMessage ?? "The value is not valid."].Value;
                Add(errors, prefix + property.Name, attribute switch
                {
                    StringLengthAttribute length => string.Format(CultureInfo.CurrentCulture, template, name, length.MaximumLength, length.MinimumLength),
                    RangeAttribute range => string.Format(CultureInfo.CurrentCulture, template, name, range.Minimum, range.Maximum),
                    _ => string.Format(CultureInfo.CurrentCulture, template, name),
                });
            }
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
            errors[key] = list = [];
        list.Add(message);
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
