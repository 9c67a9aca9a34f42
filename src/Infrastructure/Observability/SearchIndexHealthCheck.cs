using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lessons.Infrastructure.Observability;

/// <summary>
/// Ready when this node's index is open and has applied every change saved more than
/// <c>Health:SearchMaxLagSeconds</c> (30) ago: a node whose index is missing, rebuilding or stuck would answer
/// searches with old or partial results, so the load balancer should send its visitors elsewhere.
/// </summary>
internal sealed class SearchIndexHealthCheck(SearchIndexLag status, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxLag = TimeSpan.FromSeconds(configuration.GetValue("Health:SearchMaxLagSeconds", 30));
        var state = await status.ReadAsync(cancellationToken);
        var lag = state.Lag(clock.GetUtcNow());
        var data = new Dictionary<string, object>
        {
            ["appliedChange"] = state.AppliedChange ?? 0,
            ["latestChange"] = state.LatestChange,
            ["pendingChanges"] = state.PendingChanges,
            ["lagSeconds"] = Math.Round(lag.TotalSeconds, 1),
            ["documents"] = state.Documents ?? 0,
        };
        if (state.Rebuilding) return HealthCheckResult.Unhealthy("The search index is being rebuilt.", data: data);
        if (state.AppliedChange is null) return HealthCheckResult.Unhealthy("The search index is not open yet.", data: data);
        // A restored database behind the index: the indexer rebuilds it at its next look.
        if (state.AppliedChange > state.LatestChange) return HealthCheckResult.Unhealthy("The search index is ahead of the database and will be rebuilt.", data: data);
        return lag > maxLag
            ? HealthCheckResult.Unhealthy($"The search index is {lag.TotalSeconds:F0} s behind the outbox (allowed: {maxLag.TotalSeconds:F0} s).", data: data)
            : HealthCheckResult.Healthy("The search index is current.", data);
    }
}
