using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AwardVote.Infrastructure.Health;

/// <summary>Healthy when Hangfire's storage answers a query.</summary>
public sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy($"{statistics.Servers} server(s), {statistics.Enqueued} enqueued, {statistics.Failed} failed"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage does not answer", ex));
        }
    }
}
