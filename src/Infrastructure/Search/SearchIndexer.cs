using Lessons.Application.Common.Ports;
using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;
using Lessons.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// Keeps this node's index current from the outbox: applies every change after the one the index last applied,
/// and rebuilds from the database when the index is missing, unreadable, or ahead of the database (a restored
/// backup). Each web node runs its own, against its own index directory. Rebuilds and catch-up run in the
/// background (<see cref="IndexMaintenance"/>) with the host's token; a search never does either, it only waits a
/// moment for the changes saved in this process (so a node reads its own writes).
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, LuceneReportIndex index, SearchChangeSignal signal, TimeProvider clock,
    ILogger<SearchIndexer> logger)
    : IDisposable
{
    private const int Batch = 2000;
    private const int RebuildBatch = 500;
    /// <summary>How long a search waits for this process's own saves to reach the index before it reads what is there:
    /// a pass takes milliseconds, but an import of thousands of reports through the site, on a loaded node, takes seconds.</summary>
    private static readonly TimeSpan OwnWritesWait = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SemaphoreSlim wakeups = new(0, 1);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource passed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // The signal's version (this process's saves) that the last finished pass covered.
    private long appliedVersion = -1;
    private long outboxLatest = -1;
    private long currentAtTicks;

    /// <summary>
    /// What the index knows of itself, for health checks: whether it is open, the outbox row it has applied and the
    /// latest one seen in the database at the last pass, when a pass last found it caught up, and a rebuild's progress.
    /// </summary>
    public SearchIndexStatus Status
    {
        get
        {
            var latest = Interlocked.Read(ref outboxLatest);
            var at = Interlocked.Read(ref currentAtTicks);
            return new SearchIndexStatus(index.IsOpen, index.AppliedChange, latest < 0 ? null : latest,
                at == 0 ? null : new DateTimeOffset(at, TimeSpan.Zero), Progress, index.DocumentCount ?? 0);
        }
    }

    /// <summary>Completes when the first pass has brought the index up (opened, rebuilt if it had to be, caught up).</summary>
    public Task Ready => ready.Task;

    /// <summary>One pass of the background service: opens the index, rebuilds it if it is missing or stale, and
    /// applies what the outbox holds beyond it. <paramref name="ct"/> is the host's: no request can cancel a pass.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var version = signal.Version;
            await ApplyOutboxAsync(ct);
            Interlocked.Exchange(ref appliedVersion, version);
            ready.TrySetResult();
        }
        finally
        {
            gate.Release();
            Interlocked.Exchange(ref passed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>Asks the background service for a pass now rather than at its next look.</summary>
    public void Wake()
    {
        try { wakeups.Release(); }
        catch (SemaphoreFullException) { }     // a pass is already asked for
    }

    /// <summary>Opens the index and says whether a pass can catch it up (a commit of this shape is on disk) rather than
    /// rebuild it. An index that cannot be opened now counts as needing a rebuild; the pass reports why.</summary>
    internal bool OpensWithoutRebuild()
    {
        try
        {
            index.Open();
            return index.AppliedChange is not null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug(e, "The search index could not be opened at start");
            return false;
        }
    }

    /// <summary>Waits until a pass is asked for, or <paramref name="timeout"/>.</summary>
    internal Task WaitForWakeAsync(TimeSpan timeout, CancellationToken ct) => wakeups.WaitAsync(timeout, ct);

    /// <summary>
    /// For searches: when this process saved changes the index has not applied yet, asks for a pass and waits for it
    /// (briefly, and without holding any lock, so searches never queue behind each other). While the index is being
    /// built, or not yet open, it returns at once: the search reads what the index has.
    /// </summary>
    public async Task AwaitOwnWritesAsync(CancellationToken ct)
    {
        var version = signal.Version;
        if (version <= Interlocked.Read(ref appliedVersion)) return;
        Wake();
        if (!index.IsOpen || index.AppliedChange is null || Progress is not null) return;
        var deadline = Environment.TickCount64 + (long)OwnWritesWait.TotalMilliseconds;
        while (true)
        {
            var next = Volatile.Read(ref passed).Task;
            if (version <= Interlocked.Read(ref appliedVersion) || Progress is not null) return;
            var left = deadline - Environment.TickCount64;
            if (left <= 0) return;
            try
            {
                await next.WaitAsync(TimeSpan.FromMilliseconds(left), ct);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    private async Task ApplyOutboxAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        index.Open();
        var latest = await db.SearchChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        Interlocked.Exchange(ref outboxLatest, latest);
        if (index.AppliedChange is not { } applied || applied > latest)
        {
            await RebuildAsync(db, latest, ct);
            Caught();
            await PagesChangedAsync(scope.ServiceProvider, ct);
            return;
        }
        var before = applied;
        while (applied < latest)
        {
            var changes = await db.SearchChanges.AsNoTracking().Where(c => c.Id > applied).OrderBy(c => c.Id).Take(Batch)
                .Select(c => new { c.Id, c.ReportId }).ToListAsync(ct);
            if (changes.Count == 0) break;
            var ids = changes.Select(c => c.ReportId).Distinct().ToList();
            var published = await Published(db, db.Reports.Where(r => ids.Contains(r.Id))).ToListAsync(ct);
            var documents = published.Select(ToIndexed).ToList();
            index.Apply(documents, ids.Except(documents.Select(d => d.Id)), changes[^1].Id);
            applied = changes[^1].Id;
        }
        Caught();
        if (applied > before) await PagesChangedAsync(scope.ServiceProvider, ct);
    }

    /// <summary>
    /// Changes saved on other nodes (or by the verbs) reach this node through the outbox: once the index has them,
    /// the pages this node keeps for anonymous readers are dropped too, so a search here never shows a copy older
    /// than its own index. (The site registers the cache; the verbs have none.)
    /// </summary>
    private static async Task PagesChangedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<ISharedPageCache>() is { } cache) await cache.ContentChangedAsync(ct);
    }

    // The site's clock, as the readiness check reads it (tests move it).
    private void Caught() => Interlocked.Exchange(ref currentAtTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>Rebuilds the index from the database whatever its state (the <c>reindex</c> verb). Returns the count.
    /// Cancelled or failed, it leaves the previous index as it was.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
            index.Open();
            return await RebuildAsync(db, await db.SearchChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        wakeups.Dispose();
    }

    private async Task<int> RebuildAsync(LessonsDbContext db, long latest, CancellationToken ct)
    {
        // The outbox position is read before the reports: a change saved meanwhile has a later id and is applied next.
        var total = await db.Reports.CountAsync(r => r.Status == ReportStatus.Published, ct);
        logger.LogInformation("Rebuilding the search index from the database: {Total} published reports", total);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var indexed = 0;
        Progress = new SearchIndexProgress(0, total);
        var committed = false;
        // Stops the writers when the read fails or is cancelled (and the read stops when a writer fails: it closes the channel).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        List<Task> writers = [];
        try
        {
            index.BeginRebuild();

            // One streaming read (no paging: OFFSET grows with the table) feeds batches to an analysing writer per
            // core; Lucene's writer takes documents from several threads at once.
            var batches = System.Threading.Channels.Channel.CreateBounded<IndexedReport[]>(4);
            writers = [.. Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                    {
                        index.Add(batch);
                        var done = Interlocked.Add(ref indexed, batch.Length);
                        Progress = new SearchIndexProgress(done, total);
                        if (done / (10 * Batch) != (done - batch.Length) / (10 * Batch))
                            logger.LogInformation("Search index rebuild: {Done} / {Total}", done, total);
                    }
                }
                catch (Exception e)
                {
                    batches.Writer.TryComplete(e);
                    throw;
                }
            }, CancellationToken.None))];
            try
            {
                var batch = new List<IndexedReport>(RebuildBatch);
                await foreach (var row in Published(db, db.Reports).AsAsyncEnumerable().WithCancellation(ct))
                {
                    batch.Add(ToIndexed(row));
                    if (batch.Count < RebuildBatch) continue;
                    await batches.Writer.WriteAsync([.. batch], ct);
                    batch.Clear();
                }
                if (batch.Count > 0) await batches.Writer.WriteAsync([.. batch], ct);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                batches.Writer.TryComplete();
            }
            await Task.WhenAll(writers);
            index.Commit(latest);
            committed = true;
        }
        finally
        {
            if (!committed)
            {
                // Every path waits for the writers: none may still be adding documents when the rebuild is rolled
                // back, or when the next one starts. Their failure is already the rebuild's.
                await stop.CancelAsync();
                await Task.WhenAll(writers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                index.AbandonRebuild();     // the previous index stays, on disk and for searches
            }
            Progress = null;        // a failed rebuild is retried by the next pass
        }
        logger.LogInformation("Search index rebuilt: {Done} reports in {Seconds:F1} s, outbox position {Latest}",
            indexed, clock.Elapsed.TotalSeconds, latest);
        return indexed;
    }

    /// <summary>How far a rebuild has come, while one runs (the search page shows it); null otherwise.</summary>
    public SearchIndexProgress? Progress { get; private set; }

    internal sealed record Row(Guid Id, ReportContent Content, bool IsAnonymous, Visibility Visibility, DateTimeOffset? PublishedAt,
        string OrganisationName, Guid OrganisationId, OrganisationType OrganisationType);

    internal static IQueryable<Row> Published(LessonsDbContext db, IQueryable<Report> reports) =>
        reports.AsNoTracking().Where(r => r.Status == ReportStatus.Published)
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id,
                (r, o) => new Row(r.Id, r.Content, r.IsAnonymous, r.Visibility, r.PublishedAt, o.Name, o.Id, o.Type));

    internal static IndexedReport ToIndexed(Row r)
    {
        var c = r.Content;
        return new IndexedReport(r.Id, c.Title, c.Summary,
            string.Join("\n", c.Lessons, c.Background, c.WhatWeDid, c.Result, c.Recommendations),
            r.IsAnonymous ? null : r.OrganisationName, r.IsAnonymous ? null : r.OrganisationId,
            r.IsAnonymous ? null : Vocabulary.OrganisationTypes.Key(r.OrganisationType),
            Vocabulary.Outcomes.Key(c.Outcome), Vocabulary.Stages.Key(c.Stage), c.Principles, c.Challenges, c.YearStarted,
            (r.PublishedAt ?? DateTimeOffset.MinValue).UtcTicks, r.Visibility == Visibility.MembersOnly);
    }
}

/// <summary>The search port: it reads the index as it is, after waiting a moment for this process's own saves.</summary>
internal sealed class LuceneReportSearch(SearchIndexer indexer, LuceneReportIndex index) : IReportSearch
{
    public async Task<ReportSearchPage> SearchAsync(ReportSearchQuery query, CancellationToken ct)
    {
        await indexer.AwaitOwnWritesAsync(ct);
        return index.Search(query) with { Rebuilding = indexer.Progress };
    }

    public async Task<IReadOnlyList<ReportHit>> SimilarAsync(Guid reportId, int count, bool membersOnlyVisible, CancellationToken ct)
    {
        await indexer.AwaitOwnWritesAsync(ct);
        return index.Similar(reportId, count, membersOnlyVisible);
    }

    public async Task<IReadOnlyList<ReportHit>> PrecedentsAsync(string text, int count, bool membersOnlyVisible, CancellationToken ct)
    {
        await indexer.AwaitOwnWritesAsync(ct);
        return index.Precedents(text, count, membersOnlyVisible);
    }
}
