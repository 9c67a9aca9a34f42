namespace Lessons.Application.Common.Ports;

/// <summary>
/// Runs searches over a small set of reports only (a digest run's new reports), with the same Swedish analysis and
/// the same meaning of text and filters as the search page, so a saved search matches in the digest exactly what it
/// finds on <c>/sok</c>. Each query is run once, whoever follows it.
/// </summary>
public interface IReportMatching
{
    /// <returns>For each query, in order, the ids of <paramref name="reportIds"/> it matches.</returns>
    Task<IReadOnlyList<IReadOnlySet<Guid>>> MatchAsync(
        IReadOnlyCollection<Guid> reportIds, IReadOnlyList<ReportSearchQuery> queries, CancellationToken ct);
}

/// <summary>
/// Moves a run's composed deliveries to <c>sending</c> atomically, so that two nodes never send the same one (on
/// PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so they do not wait for each other either).
/// </summary>
public interface IDeliveryClaims
{
    Task<IReadOnlyList<Guid>> ClaimAsync(Guid runId, int count, DateTimeOffset now, IReadOnlyCollection<Guid> skip, CancellationToken ct);
}
