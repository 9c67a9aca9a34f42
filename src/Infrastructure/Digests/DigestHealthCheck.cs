using Lessons.Application.Digests;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Lessons.Infrastructure.Digests;

/// <summary>
/// "digest" (tagged ready): whether the scheduler has checked within the last three intervals, with the counts of the
/// runs it last looked at. Deliveries stuck in <c>sending</c> make it degraded: they need an administrator.
/// </summary>
internal sealed class DigestHealthCheck(DigestSchedulerState state, IOptions<DigestOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled) return Task.FromResult(HealthCheckResult.Healthy("Veckobrevet är avstängt (Digest:Enabled)."));
        var (at, runs, error) = state.Last;
        var latest = runs.OrderBy(r => r.CreatedAt).LastOrDefault();
        var data = new Dictionary<string, object> { ["lastCheck"] = at?.ToString("O") ?? "" };
        if (latest is not null)
        {
            data["run"] = latest.RunId;
            data["week"] = latest.IsoWeek;
            data["composed"] = latest.Composed;
            data["sent"] = latest.Sent;
            data["failed"] = latest.Failed;
            data["stuck"] = runs.Sum(r => r.Stuck);
        }
        var interval = options.Value.CheckInterval > TimeSpan.Zero ? options.Value.CheckInterval : TimeSpan.FromMinutes(5);
        if (at is null)
            return Task.FromResult(HealthCheckResult.Healthy("Veckobrevets schemaläggare har inte kontrollerat än.", data));
        if (clock.GetUtcNow() - at > 3 * interval)
            return Task.FromResult(HealthCheckResult.Unhealthy("Veckobrevets schemaläggare har inte kontrollerat på länge.", data: data));
        if (error is not null) return Task.FromResult(HealthCheckResult.Degraded("Senaste kontrollen misslyckades: " + error, data: data));
        if (runs.Sum(r => r.Stuck) > 0)
            return Task.FromResult(HealthCheckResult.Degraded("Brev har fastnat i sending och skickas inte om automatiskt.", data: data));
        return Task.FromResult(HealthCheckResult.Healthy("Veckobrevets schemaläggare är igång.", data));
    }
}
