using Lessons.Infrastructure.Search;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lessons.Infrastructure.Observability;

/// <summary>
/// Ready when this node's index is open and a pass of the indexer found it caught up with the outbox within
/// <c>Health:SearchMaxLagSeconds</c> (30): a node whose index is missing, rebuilding or stuck would answer
/// searches with old or partial results, so the load balancer should send its visitors elsewhere. It reads
/// <see cref="SearchIndexer.Status"/> only: the database has its own check, and a readiness probe must not add a
/// query per node per probe.
/// </summary>
internal sealed class SearchIndexHealthCheck(SearchIndexer indexer, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxLag = TimeSpan.FromSeconds(configuration.GetValue("Health:SearchMaxLagSeconds", 30));
        var status = indexer.Status;
        var now = clock.GetUtcNow();
        var lag = status.Lag(now);
        var data = new Dictionary<string, object>
        {
            ["appliedChange"] = status.AppliedChange ?? 0,
            ["latestChange"] = status.OutboxLatest ?? 0,
            ["pendingChanges"] = status.PendingChanges,
            ["lagSeconds"] = Math.Round((lag ?? TimeSpan.Zero).TotalSeconds, 1),
            ["documents"] = status.Documents,
        };
        return Task.FromResult(
            status.Rebuilding is not null ? HealthCheckResult.Unhealthy("The search index is being rebuilt.", data: data)
            : !status.Open || status.AppliedChange is null || lag is null ? HealthCheckResult.Unhealthy("The search index is not open yet.", data: data)
            // A restored database behind the index: the indexer rebuilds it at its next pass.
            : status.AppliedChange > status.OutboxLatest ? HealthCheckResult.Unhealthy("The search index is ahead of the database and will be rebuilt.", data: data)
            : !status.IsCurrent(now, maxLag)
                ? HealthCheckResult.Unhealthy($"The search index was last found current with the outbox {lag.Value.TotalSeconds:F0} s ago (allowed: {maxLag.TotalSeconds:F0} s).", data: data)
            : HealthCheckResult.Healthy("The search index is current.", data));
    }
}
