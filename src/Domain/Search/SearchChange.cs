namespace Lessons.Domain.Search;

/// <summary>
/// An outbox row: "report X changed". Written in the same transaction as the change itself, so the search index
/// (derived data on each node's disk) can lag by milliseconds but never miss a change, even after a crash.
/// </summary>
public sealed class SearchChange
{
    private SearchChange() { }

    public SearchChange(Guid reportId, DateTimeOffset now)
    {
        ReportId = reportId;
        CreatedAt = now;
    }

    /// <summary>Increasing: an index remembers the last one it applied.</summary>
    public long Id { get; private set; }

    public Guid ReportId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
