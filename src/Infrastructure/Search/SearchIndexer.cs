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
/// backup). Each web node runs its own, against its own index directory.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, LuceneReportIndex index, SearchChangeSignal signal, ILogger<SearchIndexer> logger)
    : IDisposable
{
    private const int Batch = 2000;
    private const int RebuildBatch = 500;
    private const long RecheckMilliseconds = 1000;
    private readonly SemaphoreSlim gate = new(1, 1);
    private long checkedVersion = -1;
    private long checkedAt;

    /// <summary>
    /// Applies what the outbox holds beyond the index. Searches call it first, so a node reads its own writes at
    /// once; when nothing was saved in this process and the last look is under a second old, it returns without
    /// touching the database or the lock, which keeps concurrent searches from queueing behind each other.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        if (Progress is not null) return;       // a rebuild is under way: search what the index has, and say so
        if (signal.Version == Interlocked.Read(ref checkedVersion) && Environment.TickCount64 - Interlocked.Read(ref checkedAt) < RecheckMilliseconds)
            return;
        await gate.WaitAsync(ct);
        try
        {
            var version = signal.Version;
            await ApplyOutboxAsync(ct);
            Interlocked.Exchange(ref checkedVersion, version);
            Interlocked.Exchange(ref checkedAt, Environment.TickCount64);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ApplyOutboxAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        index.Open();
        var latest = await db.SearchChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        if (index.AppliedChange is not { } applied || applied > latest)
        {
            await RebuildAsync(db, latest, ct);
            return;
        }
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
    }

    /// <summary>Rebuilds the index from the database whatever its state (the <c>reindex</c> verb). Returns the count.</summary>
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

    public void Dispose() => gate.Dispose();

    private async Task<int> RebuildAsync(LessonsDbContext db, long latest, CancellationToken ct)
    {
        // The outbox position is read before the reports: a change saved meanwhile has a later id and is applied next.
        var total = await db.Reports.CountAsync(r => r.Status == ReportStatus.Published, ct);
        logger.LogInformation("Rebuilding the search index from the database: {Total} published reports", total);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var indexed = 0;
        Progress = new SearchIndexProgress(0, total);
        try
        {
            index.BeginRebuild();

            // One streaming read (no paging: OFFSET grows with the table) feeds batches to an analysing writer per
            // core; Lucene's writer takes documents from several threads at once. A writer that fails closes the
            // channel, so the read stops instead of waiting for room.
            var batches = System.Threading.Channels.Channel.CreateBounded<IndexedReport[]>(4);
            var writers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(ct))
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
            }, ct)).ToList();
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
            finally
            {
                batches.Writer.TryComplete();
            }
            await Task.WhenAll(writers);
            index.Commit(latest);
        }
        finally
        {
            Progress = null;        // a failed rebuild is retried by the next catch-up (the index still reads as stale)
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

/// <summary>The search port: the index is caught up with the outbox first, so a node reads its own writes.</summary>
internal sealed class LuceneReportSearch(SearchIndexer indexer, LuceneReportIndex index) : IReportSearch
{
    public async Task<ReportSearchPage> SearchAsync(ReportSearchQuery query, CancellationToken ct)
    {
        await indexer.CatchUpAsync(ct);
        return index.Search(query) with { Rebuilding = indexer.Progress };
    }

    public async Task<IReadOnlyList<ReportHit>> SimilarAsync(Guid reportId, int count, bool membersOnlyVisible, CancellationToken ct)
    {
        await indexer.CatchUpAsync(ct);
        return index.Similar(reportId, count, membersOnlyVisible);
    }

    public async Task<IReadOnlyList<ReportHit>> PrecedentsAsync(string text, int count, bool membersOnlyVisible, CancellationToken ct)
    {
        await indexer.CatchUpAsync(ct);
        return index.Precedents(text, count, membersOnlyVisible);
    }
}

/// <summary>Brings the index up (rebuilding it if needed) when the site starts, then follows the outbox, so changes
/// made by other nodes or by the command verbs arrive without waiting for a search.</summary>
internal sealed class SearchIndexerService(SearchIndexer indexer, IHostApplicationLifetime lifetime, ILogger<SearchIndexerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the site start and serve its first pages before opening the index: on two cores the two would
        // compete. A search in the meantime catches the index up by itself.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The search indexer failed; retrying");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
        }
    }
}
