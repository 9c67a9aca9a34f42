using System.Diagnostics.Metrics;

using Lessons.Infrastructure.Search;

namespace Lessons.Infrastructure.Observability;

/// <summary>
/// The site's own instruments, on the meter <c>Lessons</c> that the web host exports (Prometheus, when enabled). The
/// mail counters <c>lessons.email.sent</c>, <c>lessons.email.failed</c> and <c>lessons.email.retries</c> are on the same meter name, kept beside the
/// SMTP sender that counts them.
/// </summary>
public sealed class LessonsMetrics
{
    public const string MeterName = "Lessons";

    private readonly Histogram<double> searchDuration;

    public LessonsMetrics(IMeterFactory meters, SearchIndexer indexer, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        searchDuration = meter.CreateHistogram(
            "lessons.search.duration", "s", "Time to answer a search, similar-reports or precedent request, catching up with the outbox included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10] });
        // All three read the indexer's own status (no database query per scrape); none is reported before the index is open.
        meter.CreateObservableGauge("lessons.search.index.documents", () => Observe<int>(indexer, s => s.Documents), "{document}",
            "Documents in this node's search index");
        meter.CreateObservableGauge("lessons.search.outbox.lag", () => Observe(indexer, s => s.Lag(clock.GetUtcNow())?.TotalSeconds), "s",
            "How long ago this node's index was last found caught up with the outbox (under a second while it follows)");
        meter.CreateObservableGauge("lessons.search.outbox.pending", () => Observe<double>(indexer, s => s.PendingChanges), "{change}",
            "Outbox changes seen by this node's indexer that its index has not applied yet");
    }

    /// <summary>Records one search; <paramref name="kind"/> is search, similar or precedents.</summary>
    public void SearchAnswered(string kind, TimeSpan elapsed) =>
        searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("lessons.search.kind", kind));

    private static IEnumerable<Measurement<T>> Observe<T>(SearchIndexer indexer, Func<SearchIndexStatus, T?> value) where T : struct
    {
        SearchIndexStatus status;
        try { status = indexer.Status; }
        catch (ObjectDisposedException) { return []; }       // the site is stopping
        return status is { Open: true, AppliedChange: not null } && value(status) is { } v ? [new Measurement<T>(v)] : [];
    }
}
