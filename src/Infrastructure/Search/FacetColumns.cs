using System.Runtime.CompilerServices;

using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// Every document's facet values as small integers in plain arrays, read once per index segment from the
/// <c>f_*</c> doc values and kept as long as the segment lives (deletions do not change a segment's documents, so
/// a reopened segment keeps its columns). Counting facets and applying filters over a million matches is then a
/// few array reads per document instead of a doc-values lookup per facet per search.
/// </summary>
internal sealed class FacetColumns(string[] names)
{
    private readonly ConditionalWeakTable<object, Segment> segments = new();
    private readonly Values[] values = [.. names.Select(_ => new Values())];
    private readonly System.Threading.Lock gate = new();

    public IReadOnlyList<string> Names { get; } = names;

    public int IndexOf(string name) => Array.IndexOf(names, name);

    /// <summary>How many distinct values facet <paramref name="facet"/> has had so far (ordinals are 0..Count-1).</summary>
    public int Count(int facet) => values[facet].Count;

    public string Value(int facet, int ordinal) => values[facet].Name(ordinal);

    /// <summary>The ordinals of the values a predicate accepts, as a lookup table.</summary>
    public bool[] Accepting(int facet, Func<string, bool> accepts)
    {
        var v = values[facet];
        var table = new bool[v.Count];
        for (var ordinal = 0; ordinal < table.Length; ordinal++) table[ordinal] = accepts(v.Name(ordinal));
        return table;
    }

    public Segment For(AtomicReader reader) => segments.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private Segment Read(AtomicReader reader)
    {
        lock (gate)
        {
            var columns = new Column[Names.Count];
            for (var facet = 0; facet < Names.Count; facet++)
                columns[facet] = Column.Read(reader.GetSortedSetDocValues("f_" + Names[facet]), reader.MaxDoc, values[facet]);
            return new Segment(columns);
        }
    }

    /// <summary>One segment's columns, one a facet.</summary>
    public sealed class Segment(Column[] columns)
    {
        public Column this[int facet] => columns[facet];
    }

    /// <summary>A document's ordinals are <c>Ordinals[Starts[doc]..Starts[doc + 1]]</c>; when no document has more
    /// than one value (outcome, year, organisation…), <c>Single[doc]</c> is its ordinal or -1, one read instead of three.</summary>
    public sealed class Column(int[] starts, int[] ordinals)
    {
        public int[] Starts { get; } = starts;
        public int[] Ordinals { get; } = ordinals;
        public int[]? Single { get; } = SingleValued(starts, ordinals);

        private static int[]? SingleValued(int[] starts, int[] ordinals)
        {
            var single = new int[Math.Max(0, starts.Length - 1)];
            for (var doc = 0; doc < single.Length; doc++)
            {
                var count = starts[doc + 1] - starts[doc];
                if (count > 1) return null;
                single[doc] = count == 0 ? -1 : ordinals[starts[doc]];
            }
            return single;
        }

        public static Column Read(SortedSetDocValues? docValues, int maxDoc, Values values)
        {
            var starts = new int[maxDoc + 1];
            if (docValues is null) return new Column(starts, []);
            var global = new int[docValues.ValueCount];
            var term = new BytesRef();
            for (var ord = 0; ord < global.Length; ord++)
            {
                docValues.LookupOrd(ord, term);
                global[ord] = values.Ordinal(term.Utf8ToString());
            }
            var ordinals = new List<int>(maxDoc);
            for (var doc = 0; doc < maxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ordinals.Add(global[ord]);
            }
            starts[maxDoc] = ordinals.Count;
            return new Column(starts, [.. ordinals]);
        }
    }

    /// <summary>The values one facet has had, each with its ordinal; only ever grows (under the gate).</summary>
    public sealed class Values
    {
        private readonly Dictionary<string, int> ordinals = new(StringComparer.Ordinal);
        private volatile string[] names = [];

        public int Count => names.Length;

        public string Name(int ordinal) => names[ordinal];

        public int Ordinal(string name)
        {
            if (ordinals.TryGetValue(name, out var ordinal)) return ordinal;
            ordinal = names.Length;
            ordinals[name] = ordinal;
            names = [.. names, name];
            return ordinal;
        }
    }
}
