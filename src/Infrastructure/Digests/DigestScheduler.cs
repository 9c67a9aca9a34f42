using Lessons.Application.Digests;
using Lessons.Application.Digests.Commands;

using Mediator;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lessons.Infrastructure.Digests;

/// <summary>What the scheduler did last, for the health check and the administrators.</summary>
public sealed class DigestSchedulerState
{
    private readonly System.Threading.Lock gate = new();
    private (DateTimeOffset? At, IReadOnlyList<DigestRunCounts> Runs, string? Error) last = (null, [], null);

    public (DateTimeOffset? At, IReadOnlyList<DigestRunCounts> Runs, string? Error) Last
    {
        get { lock (gate) return last; }
    }

    public void Record(DateTimeOffset at, IReadOnlyList<DigestRunCounts> runs, string? error)
    {
        lock (gate) last = (at, runs, error);
    }
}

/// <summary>
/// Checks every <c>Digest:CheckInterval</c>: creates the week's run once its cutoff has passed, resumes runs a dead
/// node left (their lease expired), composes and sends. Every node runs it; the run's lease and the unique keys make
/// one digest per subscriber and week of it. The cutoff comes from the schedule, never from when this check ran.
/// </summary>
internal sealed class DigestScheduler(
    IServiceScopeFactory scopes, IOptions<DigestOptions> options, DigestSchedulerState state, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        // Let the site start (and migrate its database) before the first check. The continuation runs on the thread
        // pool, not inline on the thread that raises ApplicationStarted, and the check waits a little longer still:
        // five EF queries compiled while the first request is served cost the cold start on two cores.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        if (options.Value.FirstCheckDelay > TimeSpan.Zero) await Task.Delay(options.Value.FirstCheckDelay, stoppingToken);
        var interval = options.Value.CheckInterval > TimeSpan.Zero ? options.Value.CheckInterval : TimeSpan.FromMinutes(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckAsync(stoppingToken);
            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    internal async Task CheckAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var runs = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunDigestsCommand(), ct);
            state.Record(clock.GetUtcNow(), runs, null);
            foreach (var run in runs.Where(r => r.Stuck > 0))
                logger.LogWarning("Digest run {Run} ({Week}) has {Stuck} deliveries left in sending; they are not resent automatically",
                    run.RunId, run.IsoWeek, run.Stuck);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next check tries again; the run's lease expires and any node resumes it.
            state.Record(clock.GetUtcNow(), state.Last.Runs, e.Message);
            logger.LogError(e, "The digest check failed");
        }
    }
}
