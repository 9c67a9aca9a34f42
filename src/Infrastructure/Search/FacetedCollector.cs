using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// One pass over the text query's matches that applies the filters, passes the documents that survive them all to
/// the top-hits collector, and counts facets the way a faceted search should: each facet with every filter but its
/// own, so its counts say what ticking one more value would add (a document failing exactly one filter counts
/// only for that filter's facet). A required filter (visibility) that fails drops the document outright.
/// </summary>
internal sealed class FacetedCollector : ICollector
{
    private readonly FacetColumns columns;
    private readonly ICollector top;
    private readonly Filter[] filters;
    private readonly int[][] counts;
    private readonly int[] counted;
    private FacetColumns.Segment? segment;

    /// <param name="counted">The facets to count (indexes into <paramref name="columns"/>).</param>
    public FacetedCollector(FacetColumns columns, ICollector top, IEnumerable<Filter> filters, int[] counted)
    {
        this.columns = columns;
        this.top = top;
        this.filters = [.. filters.OrderBy(f => f.Required ? 0 : 1)];
        this.counted = counted;
        counts = new int[columns.Names.Count][];
    }

    /// <summary>Documents that passed every filter.</summary>
    public int TotalHits { get; private set; }

    /// <summary>A facet's filter: a document passes when one of its values is accepted.</summary>
    public sealed record Filter(int Facet, bool[] Accepts, bool Required = false);

    public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        segment = columns.For(context.AtomicReader);
        foreach (var facet in counted)
        {
            var size = columns.Count(facet);
            if (counts[facet] is not { } current) counts[facet] = new int[size];
            else if (current.Length < size) Array.Resize(ref counts[facet], size);
        }
        top.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var failed = -1;
        foreach (var filter in filters)
        {
            if (Passes(filter, doc)) continue;
            if (filter.Required || failed >= 0) return;
            failed = filter.Facet;
        }
        if (failed >= 0)
        {
            Count(failed, doc);
            return;
        }
        TotalHits++;
        top.Collect(doc);
        foreach (var facet in counted) Count(facet, doc);
    }

    /// <summary>Adds what another collector (over other segments, same filters) found to this one's totals.</summary>
    public void Add(FacetedCollector other)
    {
        TotalHits += other.TotalHits;
        foreach (var facet in counted)
        {
            if (other.counts[facet] is not { } theirs) continue;
            if ((counts[facet]?.Length ?? 0) < theirs.Length) Array.Resize(ref counts[facet], theirs.Length);
            var mine = counts[facet];
            for (var ordinal = 0; ordinal < theirs.Length; ordinal++) mine[ordinal] += theirs[ordinal];
        }
    }

    /// <summary>The counts per value, most first (ties by value).</summary>
    public IReadOnlyDictionary<string, int> Counts(int facet)
    {
        var result = new List<KeyValuePair<string, int>>();
        if (counts[facet] is { } perOrdinal)
            for (var ordinal = 0; ordinal < perOrdinal.Length; ordinal++)
                if (perOrdinal[ordinal] > 0) result.Add(new(columns.Value(facet, ordinal), perOrdinal[ordinal]));
        return result.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToDictionary();
    }

    private bool Passes(Filter filter, int doc)
    {
        var column = segment![filter.Facet];
        if (column.Single is { } single)
        {
            var one = single[doc];
            return one >= 0 && one < filter.Accepts.Length && filter.Accepts[one];
        }
        var ordinals = column.Ordinals;
        for (int i = column.Starts[doc], end = column.Starts[doc + 1]; i < end; i++)
        {
            var ordinal = ordinals[i];
            if (ordinal < filter.Accepts.Length && filter.Accepts[ordinal]) return true;
        }
        return false;
    }

    private void Count(int facet, int doc)
    {
        if (counts[facet] is not { } perOrdinal) return;     // not a counted facet (a filter-only one)
        var column = segment![facet];
        if (column.Single is { } single)
        {
            if (single[doc] >= 0) perOrdinal[single[doc]]++;
            return;
        }
        var ordinals = column.Ordinals;
        for (int i = column.Starts[doc], end = column.Starts[doc + 1]; i < end; i++) perOrdinal[ordinals[i]]++;
    }
}
