using System.Data.Common;
using System.Net;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Reliability;

/// <summary>
/// While the database is unreachable (restarting, failing over, network gone) a request fails cleanly: 503 with
/// Retry-After and a message in the reader's language, instead of a 500. Nothing half-done is saved, because every
/// change is one transaction; the person can send the same form again once the database is back.
/// </summary>
public static class DatabaseOutage
{
    public static IApplicationBuilder UseDatabaseOutageResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (Exception ex) when (IsOutage(ex) && !context.Response.HasStarted)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage));
                logger.LogWarning(ex, "Database unavailable: {Method} {Path} answered 503", context.Request.Method, context.Request.Path);
                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var message = l["The database is unavailable for a moment. Nothing was saved: try again in a minute."].Value;
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "30";
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(message, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                    return;
                }
                context.Response.ContentType = "text/html; charset=utf-8";
                var title = WebUtility.HtmlEncode(l["Try again in a minute"].Value);
                await context.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"{WebUtility.HtmlEncode(Thread.CurrentThread.CurrentUICulture.TwoLetterISOLanguageName)}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>" +
                    $"<body><main><h1>{title}</h1><p>{WebUtility.HtmlEncode(message)}</p></main></body></html>");
            }
        });

    /// <summary>A transient database error anywhere in the chain: the server is down or the connection broke.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true })
                return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsOutage))
                return true;
        }
        return false;
    }
}
