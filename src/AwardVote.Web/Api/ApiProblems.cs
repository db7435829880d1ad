using AwardVote.Infrastructure.Mail;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// An API answer that is an error without a body of its own (401, 403, 404, 405, 413, 415, a body the endpoint
/// could not read) becomes a JSON problem saying what is wrong, in the request's language: a script cannot read the
/// HTML error page, and a request at fault must not be told the server failed.
/// </summary>
public static class ApiProblems
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        // This runs after the request's own middleware, outside the culture it chose: take it from the request.
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name ?? Localization.Cultures.Latvian;
        using var scope = CultureScope.Use(culture);
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (title, detail) = Describe(http.Response.StatusCode, l);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// Every problem the API writes (its endpoints' refusals included) gets its title in the request's language; one
    /// without a detail gets the explanation of its status.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (title, detail) = Describe(status, l);
        context.ProblemDetails.Title = title;
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 })
            context.ProblemDetails.Detail ??= detail;
    }

    public static (string Title, string Detail) Describe(int status, IStringLocalizer l) => status switch
    {
        400 => (l["The request could not be processed"], l["The request was incomplete or not valid: send the JSON this address reads, each value of its type."]),
        401 => (l["Sign in first"], l["Sign in at /api/auth/login and send the token it gives, or sign in on the site."]),
        403 => (l["Access denied"], l["Your account may not do this."]),
        404 => (l["Page not found"], l["There is nothing at this address."]),
        405 => (l["Not this kind of request"], l["This address does not take this kind of request."]),
        413 => (l["Too large"], l["The request is too large."]),
        409 => (l["Not possible now"], l["The request does not fit what is saved now; nothing was saved."]),
        415 => (l["Not in JSON"], l["Send the body as JSON, with the header Content-Type: application/json."]),
        < 500 => (l["The request could not be processed"], l["The request was incomplete or not valid."]),
        _ => (l["Something went wrong"], l["An error occurred on the server. Nothing you saved before was lost; please try again."]),
    };
}
