using System.Text;
using AwardVote.Application;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.UseCases;

/// <summary>
/// A use case's <see cref="Outcome"/> as the JSON API answers it: 400 with the fields' errors, 403, 404, or 409 with
/// the reason, each worded by <see cref="RefusalText"/> in the request's language and carrying the reason's
/// <c>code</c>, so a script can tell refusals apart.
/// </summary>
public static class OutcomeResults
{
    public static IResult Answer(this Outcome outcome, HttpContext http, Func<IResult> succeeded) =>
        outcome.Succeeded ? succeeded() : Problem(outcome, http);

    public static IResult Answer<T>(this Outcome<T> outcome, HttpContext http, Func<T, IResult> succeeded) =>
        outcome.Succeeded ? succeeded(outcome.Value!) : Problem(outcome, http);

    public static IResult Problem(Outcome outcome, HttpContext http)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var first = outcome.FirstRefusal ?? throw new InvalidOperationException("A successful outcome is not a problem.");
        var codes = new Dictionary<string, object?> { ["code"] = first.Code.ToString() };
        switch (first.Kind)
        {
            case RefusalKind.NotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, extensions: codes);
            case RefusalKind.Forbidden:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, extensions: codes);
            case RefusalKind.Invalid:
                var invalid = outcome.Refusals.Where(r => r.Kind == RefusalKind.Invalid).ToList();
                return TypedResults.ValidationProblem(
                    invalid.GroupBy(r => JsonPath(r.Field)).ToDictionary(g => g.Key, g => g.Select(r => RefusalText.Describe(r, l)).Distinct().ToArray()),
                    extensions: new Dictionary<string, object?> { ["code"] = first.Code.ToString(), ["codes"] = invalid.Select(r => r.Code.ToString()).Distinct().ToArray() });
            default:
                return TypedResults.Problem(
                    detail: string.Join(" ", outcome.Refusals.Where(r => r.Kind == RefusalKind.Conflict).Select(r => RefusalText.Describe(r, l)).Distinct()),
                    statusCode: StatusCodes.Status409Conflict, extensions: codes);
        }
    }

    /// <summary>A field as the JSON body names it: <c>Partners[2].Name</c> → <c>partners[2].name</c>.</summary>
    public static string JsonPath(string? field)
    {
        if (string.IsNullOrEmpty(field))
            return "";
        var path = new StringBuilder(field.Length);
        var startOfName = true;
        foreach (var c in field)
        {
            path.Append(startOfName ? char.ToLowerInvariant(c) : c);
            startOfName = c is '.' or ']';
        }
        return path.ToString();
    }
}

/// <summary>A use case's <see cref="Outcome"/> as a page shows it: beside the field it is about, or above the form.</summary>
public static class OutcomePages
{
    /// <summary>
    /// The page's 404 or 403 when that is the refusal; otherwise null, with the refusals added to the form's errors (a
    /// field named by the use case appears as <c>{prefix}.{field}</c>), so the page shows itself again:
    /// <c>return this.Refused(outcome) ?? Page();</c>
    /// </summary>
    public static IActionResult? Refused(this PageModel page, Outcome outcome, string? prefix = "Input")
    {
        switch (outcome.FirstRefusal?.Kind)
        {
            case null:
                return null;
            case RefusalKind.NotFound:
                return page.NotFound();
            case RefusalKind.Forbidden:
                return page.Forbid();
        }
        var l = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        page.ModelState.AddRefusals(outcome, l, prefix);
        return null;
    }

    public static void AddRefusals(this ModelStateDictionary modelState, Outcome outcome, IStringLocalizer l, string? prefix = "Input")
    {
        foreach (var refusal in outcome.Refusals)
        {
            var key = refusal.Field is null ? "" : prefix is null ? refusal.Field : $"{prefix}.{refusal.Field}";
            modelState.AddModelError(key, RefusalText.Describe(refusal, l));
        }
    }
}
