using Microsoft.AspNetCore.Http.Features;

namespace AwardVote.Web.Reliability;

/// <summary>
/// The size limits a form meets. A single form value used to be capped at 4 MB (ASP.NET Core's default): a text
/// past it got a bare 400 and the form's other fields were lost. Now the only cap on text is the request's size, so a
/// too-long text reaches the use case, which refuses it beside its field with every typed value still in the form.
/// </summary>
public static class RequestLimits
{
    /// <summary>Kestrel's limit on a request's body (its default, 30 MB): the one limit a form's text meets.</summary>
    public const long MaxRequestBytes = 30 * 1024 * 1024;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services) =>
        services.Configure<FormOptions>(o => o.ValueLengthLimit = (int)MaxRequestBytes);
}
