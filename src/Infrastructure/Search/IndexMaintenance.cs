using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// What this node's index knows of itself (<see cref="SearchIndexer.Status"/>), for readiness checks and metrics.
/// The index is current when it is open, not rebuilding, and <see cref="AppliedChange"/> has reached
/// <see cref="OutboxLatest"/>; <see cref="CurrentAt"/> says when a pass last found it so.
/// </summary>
/// <param name="Open">The index is open in this process (its lock taken, its last commit read).</param>
/// <param name="AppliedChange">The last outbox row the index applied; null when it is new, stale or being rebuilt.</param>
/// <param name="OutboxLatest">The latest outbox row in the database when the last pass looked; null before the first.</param>
/// <param name="CurrentAt">When a pass last brought the index up to <see cref="OutboxLatest"/>; null before the first.</param>
/// <param name="Rebuilding">A rebuild's progress while one runs.</param>
/// <param name="Documents">The reports searches read now.</param>
public sealed record SearchIndexStatus(bool Open, long? AppliedChange, long? OutboxLatest, DateTimeOffset? CurrentAt,
    Application.Common.Ports.SearchIndexProgress? Rebuilding, int Documents)
{
    /// <summary>Open, not rebuilding, and found caught up with the outbox within <paramref name="within"/> of <paramref name="now"/>.</summary>
    public bool IsCurrent(DateTimeOffset now, TimeSpan within) =>
        Open && Rebuilding is null && AppliedChange is not null && CurrentAt is { } at && now - at <= within;

    /// <summary>Outbox rows seen at the last pass that the index has not applied.</summary>
    public long PendingChanges => Math.Max(0, (OutboxLatest ?? 0) - (AppliedChange ?? 0));

    /// <summary>How long ago a pass last found the index caught up (the background service looks four times a
    /// second, so a healthy node stays well under a second); null before the first.</summary>
    public TimeSpan? Lag(DateTimeOffset now) => CurrentAt is { } at ? (now > at ? now - at : TimeSpan.Zero) : null;
}

/// <summary>
/// Brings the index up when the site starts (rebuilding it if it is missing or stale), then follows the outbox, so
/// changes made by other nodes or by the command verbs arrive without waiting for a search. Rebuilds and catch-up
/// run only here, with the host's token: a search never runs one, and a cancelled request never stops one.
/// </summary>
internal sealed class IndexMaintenance(SearchIndexer indexer, IConfiguration configuration, ILogger<IndexMaintenance> logger,
    IHostApplicationLifetime? lifetime = null)
    : BackgroundService
{
    /// <summary>How often the outbox is looked at for changes saved elsewhere (other nodes, the command verbs).</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the site start and serve its first pages before building the index: on two cores the two would
        // compete. A search or a save in the meantime asks for the index at once.
        if (lifetime is not null)
        {
            // Continued on the thread pool: inline, the catch-up would run on the thread that raises ApplicationStarted.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stoppingToken);
        }
        var delay = TimeSpan.FromSeconds(configuration.GetValue("Search:StartDelaySeconds", 2.0));
        // A restarted node (after a deploy, or a kill -9) finds its index on disk: applying what the outbox gained
        // meanwhile takes milliseconds, and until it has, the node is not ready and the load balancer keeps its
        // visitors elsewhere. Only a rebuild waits for the site's first pages.
        if (delay > TimeSpan.Zero && !indexer.OpensWithoutRebuild()) await indexer.WaitForWakeAsync(delay, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The search indexer failed; retrying");
            }
            await indexer.WaitForWakeAsync(Interval, stoppingToken);
        }
    }
}
