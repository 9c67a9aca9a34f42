using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// How long each stage of a search takes (<c>lessons.search.stage.duration</c>, on the meter <c>Lessons</c> that the
/// web host exports): building the query, the spelling suggestions within it, scoring and counting facets, reading
/// the page's stored documents, and highlighting them. What to speed up is read from these, not guessed
/// (bench/search.sh prints their means).
/// </summary>
internal static class SearchStages
{
    public const string Query = "query";
    public const string Spelling = "spelling";
    public const string Collect = "collect";
    public const string Documents = "documents";
    public const string Highlight = "highlight";

    // Static: the index is built before the host's meter factory exists (the command verbs use it too), and a meter is
    // found by its name, so the exporter listens to this one as to the factory's.
    private static readonly Meter Meter = new(Observability.LessonsMetrics.MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "lessons.search.stage.duration", "s", "Time spent in one stage of a search (query, spelling, collect, documents, highlight)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] });

    /// <summary>Records a stage that started at <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp); returns now.</summary>
    public static long Done(string stage, long started)
    {
        var now = Stopwatch.GetTimestamp();
        if (Duration.Enabled)
            Duration.Record(Stopwatch.GetElapsedTime(started, now).TotalSeconds, new KeyValuePair<string, object?>("lessons.search.stage", stage));
        return now;
    }
}
