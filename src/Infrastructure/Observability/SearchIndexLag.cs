using Lessons.Infrastructure.Persistence;
using Lessons.Infrastructure.Search;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.Infrastructure.Observability;

/// <summary>How this node's search index stands against the outbox, at one moment.</summary>
/// <param name="AppliedChange">The last outbox row the index applied; null while it is not open or is being rebuilt.</param>
/// <param name="LatestChange">The newest outbox row in the database.</param>
/// <param name="OldestPendingAt">When the oldest change the index has not applied yet was saved; null when none waits.</param>
/// <param name="Documents">Documents that searches see; null while the index is not open.</param>
public sealed record SearchIndexState(
    long? AppliedChange, long LatestChange, DateTimeOffset? OldestPendingAt, int? Documents, bool Rebuilding)
{
    public long PendingChanges => Math.Max(0, LatestChange - (AppliedChange ?? 0));

    /// <summary>How long the oldest waiting change has waited: zero when the index is current.</summary>
    public TimeSpan Lag(DateTimeOffset now) =>
        OldestPendingAt is { } saved && now > saved ? now - saved : TimeSpan.Zero;
}

/// <summary>
/// Reads what the index knows (its outbox position, a rebuild under way) beside the outbox in the database, for the
/// readiness check and the metrics. It never opens the index: before the indexer has, the index counts as not open.
/// </summary>
public sealed class SearchIndexLag(IServiceScopeFactory scopes, LuceneReportIndex index, SearchIndexer indexer)
{
    public async Task<SearchIndexState> ReadAsync(CancellationToken ct)
    {
        // The index's position is read before the outbox: a change applied in between can only make the lag look
        // larger than it is, never hide one.
        var applied = indexer.Progress is null ? index.AppliedChange : null;
        var documents = index.DocumentCount;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        var latest = await db.SearchChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var after = applied ?? 0;
        var oldest = after < latest
            ? await db.SearchChanges.Where(c => c.Id > after).OrderBy(c => c.Id).Select(c => (DateTimeOffset?)c.CreatedAt).FirstOrDefaultAsync(ct)
            : null;
        return new SearchIndexState(applied, latest, oldest, documents, indexer.Progress is not null);
    }
}
