using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// Counts this process's saved changes, so a search knows without asking the database whether the outbox may
/// have grown here. (Changes saved by other nodes or by the command verbs are picked up within a second.)
/// </summary>
public sealed class SearchChangeSignal : SaveChangesInterceptor
{
    private long version;

    public long Version => Interlocked.Read(ref version);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Interlocked.Increment(ref version);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref version);
        return ValueTask.FromResult(result);
    }
}
