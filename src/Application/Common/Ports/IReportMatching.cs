namespace Lessons.Application.Common.Ports;

/// <summary>
/// Runs searches over a small set of reports only (a digest run's new reports), with the same Swedish analysis and
/// the same meaning of text and filters as the search page, so a saved search matches in the digest exactly what it
/// finds on <c>/sok</c>. Each query is run once, whoever follows it.
/// </summary>
public interface IReportMatching
{
    /// <returns>For each query, in order, the positions in <paramref name="reportIds"/> of the reports it matches
    /// (positions rather than ids: a run's tens of thousands of saved searches stay a few bytes a match).</returns>
    Task<IReadOnlyList<IReadOnlyList<int>>> MatchAsync(
        IReadOnlyList<Guid> reportIds, IReadOnlyList<ReportSearchQuery> queries, CancellationToken ct);
}

/// <summary>
/// Moves a run's composed deliveries to <c>sending</c> atomically, so that two nodes never send the same one (on
/// PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so they do not wait for each other either).
/// </summary>
public interface IDeliveryClaims
{
    /// <returns>The claimed deliveries, read in the same statement where the database allows it and tracked, so marking them is a save.</returns>
    Task<IReadOnlyList<Domain.Subscriptions.DigestDelivery>> ClaimAsync(
        Guid runId, int count, DateTimeOffset now, IReadOnlyCollection<Guid> skip, CancellationToken ct);
}

/// <summary>
/// Writes a batch of composed deliveries in one go (on PostgreSQL by <c>COPY</c>). The unique (subscriber, week) key
/// turns away a delivery another run made meanwhile (a manual run beside the scheduled one): those are dropped, the
/// rest of the batch is written. Answers how many were written.
/// </summary>
public interface IDeliveryWriter
{
    Task<int> AddSkippingTakenAsync(IReadOnlyList<Domain.Subscriptions.DigestDelivery> deliveries, CancellationToken ct);
}
