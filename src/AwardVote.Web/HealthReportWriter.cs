using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AwardVote.Web;

/// <summary>/health as JSON: the overall status and one entry per check (database, Hangfire storage).</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
            }),
        }));
    }
}
