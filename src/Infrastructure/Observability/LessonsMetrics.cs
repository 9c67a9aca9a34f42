using System.Diagnostics;
using System.Diagnostics.Metrics;

using Lessons.Infrastructure.Search;

using Microsoft.Extensions.Logging;

namespace Lessons.Infrastructure.Observability;

/// <summary>
/// The site's own instruments, on the meter <c>Lessons</c> that the web host exports (Prometheus, when enabled). The
/// mail counters <c>lessons.email.sent</c>, <c>lessons.email.failed</c> and <c>lessons.email.retries</c> are on the same meter name, kept beside the
/// SMTP sender that counts them.
/// </summary>
public sealed class LessonsMetrics
{
    public const string MeterName = "Lessons";

    // A scrape must not wait on the database: the outbox gauges show the last reading, taken at most this often.
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    private readonly Histogram<double> searchDuration;
    private readonly SearchIndexLag status;
    private readonly TimeProvider clock;
    private readonly ILogger<LessonsMetrics> logger;
    private SearchIndexState? last;
    private long lastReadAt = long.MinValue;
    private int reading;

    public LessonsMetrics(IMeterFactory meters, SearchIndexLag status, LuceneReportIndex index, TimeProvider clock, ILogger<LessonsMetrics> logger)
    {
        this.status = status;
        this.clock = clock;
        this.logger = logger;
        var meter = meters.Create(MeterName);
        searchDuration = meter.CreateHistogram(
            "lessons.search.duration", "s", "Time to answer a search, similar-reports or precedent request, catching up with the outbox included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10] });
        meter.CreateObservableGauge("lessons.search.index.documents", () => Documents(index), "{document}",
            "Documents in this node's search index");
        meter.CreateObservableGauge("lessons.search.outbox.lag", () => Observe(s => s.Lag(clock.GetUtcNow()).TotalSeconds), "s",
            "How long the oldest change this node's index has not applied yet has waited (0 when current)");
        meter.CreateObservableGauge("lessons.search.outbox.pending", () => Observe(s => (double)s.PendingChanges), "{change}",
            "Outbox changes this node's index has not applied yet");
    }

    /// <summary>Records one search; <paramref name="kind"/> is search, similar or precedents.</summary>
    public void SearchAnswered(string kind, TimeSpan elapsed) =>
        searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("lessons.search.kind", kind));

    private static IEnumerable<Measurement<int>> Documents(LuceneReportIndex index)
    {
        int? count;
        try { count = index.DocumentCount; }
        catch (ObjectDisposedException) { count = null; }       // the site is stopping
        return count is { } n ? [new Measurement<int>(n)] : [];
    }

    private IEnumerable<Measurement<double>> Observe(Func<SearchIndexState, double> value)
    {
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastReadAt)) > RefreshAfter && Interlocked.Exchange(ref reading, 1) == 0)
            _ = RefreshAsync();
        return Volatile.Read(ref last) is { AppliedChange: not null } state ? [new Measurement<double>(value(state))] : [];
    }

    private async Task RefreshAsync()
    {
        try
        {
            Volatile.Write(ref last, await status.ReadAsync(CancellationToken.None));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or ObjectDisposedException)
        {
            logger.LogDebug(e, "The outbox could not be read for the metrics");
        }
        finally
        {
            Interlocked.Exchange(ref lastReadAt, Stopwatch.GetTimestamp());
            Interlocked.Exchange(ref reading, 0);
        }
    }
}
