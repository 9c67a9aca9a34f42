using System.Globalization;

using Lessons.Application.Common.Ports;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

using Microsoft.Extensions.Configuration;

using static Lessons.Infrastructure.Search.ReportDocuments;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// The Lucene.Net index of published reports on this node's disk (<c>Search:IndexPath</c>). One writer per
/// directory, guarded by an exclusive lock file: Lucene's own lock does not stop a second process on Linux.
/// The index remembers in its commit data the last outbox row it applied.
/// </summary>
public sealed class LuceneReportIndex : IDisposable
{
    public const string OutboxKey = "outbox";
    /// <summary>The shape of the documents and their analysis: an index written with another is rebuilt.</summary>
    public const string SchemaKey = "schema";
    private const string Schema = ReportDocuments.Schema;

    private static readonly int[] CountedFacets = [.. Enumerable.Range(0, FacetNames.Length)];

    private static readonly HashSet<string> IdField = ["id"];

    private readonly string path;
    // From how many documents a search is split over the cores (Search:ParallelFrom; tests set 0 to split small indexes).
    private readonly int parallelFrom;
    private readonly Analyzer analyzer = SwedishAnalysis.Create();
    private readonly Analyzer plain = SwedishAnalysis.CreatePlain();
    private readonly Analyzer fields;
    private readonly System.Threading.Lock gate = new();
    private readonly FacetColumns columns = new([.. FacetNames, "visibility"]);
    // Similar reports change only when the index does: kept until the next commit.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid, int, bool), IReadOnlyList<ReportHit>> similar = new();
    // Pages without words to match, per index version: a new reader (after a commit) starts with none.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReader, System.Collections.Concurrent.ConcurrentDictionary<string, ReportSearchPage>> browsing = new();
    private readonly ReportQueryBuilder queries;
    private readonly ReportHighlighter highlighter;
    private readonly SimilarReports similarReports;
    private FileStream? lockFile;
    private FSDirectory? directory;
    // Searches read these without the gate: the searcher manager is set before the writer, so whoever sees a writer
    // also sees the manager that reads it; both are replaced together when a failed rebuild is rolled back.
    private volatile IndexWriter? writer;
    private volatile SearcherManager? searchers;
    // True from BeginRebuild until the rebuild commits or is rolled back: the writer then holds a deleted index and
    // part of the new one, which must never be committed (closing a Lucene 4.8 writer commits what it holds).
    private volatile bool rebuilding;

    public LuceneReportIndex(IConfiguration configuration)
    {
        path = Path.GetFullPath(configuration["Search:IndexPath"] is { Length: > 0 } p ? p : "data/index");
        parallelFrom = configuration.GetValue("Search:ParallelFrom", 20_000);
        fields = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(analyzer, new Dictionary<string, Analyzer> { [SpellingField] = plain, [PublicSpellingField] = plain });
        queries = new ReportQueryBuilder(analyzer, new SpellingCorrector(analyzer, plain));
        highlighter = new ReportHighlighter(analyzer);
        similarReports = new SimilarReports(analyzer);
    }

    /// <summary>The last outbox row applied, or null when the index is new (or was unreadable and is being rebuilt).</summary>
    public long? AppliedChange { get; private set; }

    private IndexWriter Writer
    {
        get
        {
            if (writer is { } w) return w;
            lock (gate)
            {
                if (writer is not null) return writer;
                System.IO.Directory.CreateDirectory(path);
                try
                {
                    lockFile = new FileStream(Path.Combine(path, "lessons.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException e)
                {
                    throw new InvalidOperationException($"The search index {path} is in use by another process. Each process needs its own Search:IndexPath.", e);
                }
                directory = FSDirectory.Open(new DirectoryInfo(path));
                return OpenWriter(directory);
            }
        }
    }

    /// <summary>A writer on the last commit in the directory (none: an empty index), and the searchers that read it.</summary>
    private IndexWriter OpenWriter(FSDirectory at)
    {
        AppliedChange = ReadAppliedChange(at);
        var config = new IndexWriterConfig(SwedishAnalysis.Version, fields)
        {
            OpenMode = AppliedChange is null ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,       // fewer, larger segments while rebuilding; flushed at commit anyway
        };
        var opened = new IndexWriter(at, config);
        searchers = new SearcherManager(opened, true, new Bm25Searchers());
        writer = opened;
        return opened;
    }

    /// <summary>Whether this process has the index open (its lock taken and its last commit read).</summary>
    public bool IsOpen => writer is not null;

    /// <summary>Throws away a rebuild that did not finish: the writer goes back to the last commit (the previous index,
    /// which searches kept reading all along), so nothing of the half-built index is ever committed.</summary>
    public void AbandonRebuild()
    {
        lock (gate)
        {
            if (!rebuilding || writer is not { } w || directory is null) return;
            var old = searchers;
            w.Rollback();
            rebuilding = false;
            OpenWriter(directory);
            old?.Dispose();         // searches still holding one of its searchers release it as usual
            similar.Clear();
        }
    }

    /// <summary>Starts replacing the whole index (a new node, a missing, stale or unreadable index); the old
    /// documents stay visible to searches until <see cref="Commit"/>. Until then the index counts as stale, so a
    /// rebuild that fails half-way is started again rather than built upon.</summary>
    public void BeginRebuild()
    {
        var w = Writer;
        rebuilding = true;
        AppliedChange = null;
        w.DeleteAll();
    }

    public void Add(IEnumerable<IndexedReport> reports)
    {
        var w = Writer;
        foreach (var report in reports) w.AddDocument(ReportDocuments.ToDocument(report));
    }

    public void Commit(long appliedChange) => Commit(Writer, appliedChange);

    public void Apply(IEnumerable<IndexedReport> upserts, IEnumerable<Guid> deletes, long appliedChange)
    {
        var w = Writer;
        foreach (var report in upserts) w.UpdateDocument(new Term("id", report.Id.ToString()), ReportDocuments.ToDocument(report));
        foreach (var id in deletes) w.DeleteDocuments(new Term("id", id.ToString()));
        Commit(w, appliedChange);
    }

    /// <summary>The documents searches see now, or null while the index is not open (for the metrics: it never opens it).</summary>
    public int? DocumentCount
    {
        get
        {
            if (searchers is not { } manager) return null;
            var searcher = manager.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { manager.Release(searcher); }
        }
    }

    /// <summary>Opens the index if needed, so <see cref="AppliedChange"/> is known.</summary>
    public void Open() => _ = Writer;

    /// <summary>
    /// A search. Pages without words to match (browsing, filters only, stop words only) count facets over every
    /// report, so they are kept for as long as the index does not change; pages with words are always computed.
    /// </summary>
    public ReportSearchPage Search(ReportSearchQuery query) => WithSearcher(searcher =>
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var text = queries.Build(query.Text, query.Synonyms, searcher.IndexReader, query.MembersOnlyVisible);
        SearchStages.Done(SearchStages.Query, started);
        if (text.Query is not null) return Find(searcher, query, text);
        var pages = browsing.GetValue(searcher.IndexReader, _ => new(StringComparer.Ordinal));
        if (pages.Count > 1000) pages.Clear();
        return pages.GetOrAdd(BrowseKey(query), _ => Find(searcher, query, text));
    });

    private static string BrowseKey(ReportSearchQuery q) => string.Join('|',
        string.Join(',', q.Outcomes.Order()), string.Join(',', q.Principles.Order()), string.Join(',', q.Challenges.Order()),
        string.Join(',', q.Stages.Order()), string.Join(',', q.OrganisationTypes.Order()), string.Join(',', q.Organisations.Order()),
        q.YearFrom, q.YearTo, q.NewestFirst, q.Skip, q.Take, q.MembersOnlyVisible);

    /// <summary>
    /// Every report each search finds, as ids only: none of the snippets, titles and stored texts a page shows, which
    /// the digest's saved searches never show. One searcher for all, so a document's id is read once however many
    /// searches find it.
    /// </summary>
    /// <summary>For each search, the numbers <paramref name="numberOf"/> gives the reports it matches (negative ones left out).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Matching(IReadOnlyList<ReportSearchQuery> searches, Func<Guid, int> numberOf) => WithSearcher(searcher =>
    {
        // The set a search page would list, all of it: every document the query matches that passes the filters. No
        // order, page, facet counts or scores are asked for, so none are made; each document's id is read once. The
        // searches are taken by text, so a text (many saved searches differ only in their filters) is made into a
        // query once and let go after its searches. Nothing else runs while a run matches, so the texts are shared
        // over the cores (a searcher is safe for that).
        var numbers = new int[searcher.IndexReader.MaxDoc];
        for (var doc = 0; doc < numbers.Length; doc++) numbers[doc] = numberOf(Guid.Parse(searcher.Doc(doc, IdField).Get("id")));
        foreach (var leaf in searcher.IndexReader.Leaves) columns.For(leaf.AtomicReader);
        var shared = (PartitionedSearcher)searcher;
        var leaves = searcher.IndexReader.Leaves.ToList();
        var found = new IReadOnlyList<int>[searches.Count];
        var byText = Enumerable.Range(0, searches.Count)
            .GroupBy(i => (searches[i].Text, searches[i].MembersOnlyVisible, searches[i].Synonyms)).ToList();
        Parallel.ForEach(byText, group =>
        {
            var (text, membersOnly, synonyms) = group.Key;
            var query = queries.Build(text, synonyms, searcher.IndexReader, membersOnly).Query ?? new MatchAllDocsQuery();
            foreach (var i in group)
            {
                var docs = new DocsCollector();
                shared.Search(leaves, searcher.CreateNormalizedWeight(query), new FacetedCollector(columns, docs, SearchFilters.For(columns, searches[i]), []));
                found[i] = [.. docs.Docs.Select(doc => numbers[doc]).Where(n => n >= 0).Order()];
            }
        });
        return (IReadOnlyList<IReadOnlyList<int>>)found;
    });

    /// <summary>The documents handed to it, by their number in the whole index.</summary>
    private sealed class DocsCollector : ICollector
    {
        private int docBase;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
            // Scores are not asked for.
        }

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc) => Docs.Add(docBase + doc);
    }

    private ReportSearchPage Find(IndexSearcher searcher, ReportSearchQuery query, TextMatch text, Func<int, ReportHit>? toHit = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var sort = ReportDocuments.Order(scored: text.Scored && !query.NewestFirst);
        foreach (var leaf in searcher.IndexReader.Leaves) columns.For(leaf.AtomicReader);     // every value has its ordinal before filters name them
        var filters = SearchFilters.For(columns, query);
        var weight = searcher.CreateNormalizedWeight(text.Query ?? new MatchAllDocsQuery());
        var parts = Partitions(searcher.IndexReader.Leaves).Select(leaves =>
        {
            var top = TopFieldCollector.Create(sort, Math.Max(1, query.Skip + query.Take), true, text.Scored, false, false);
            return (Leaves: leaves, Top: top, Collector: new FacetedCollector(columns, top, filters, CountedFacets));
        }).ToList();
        // A broad query over a million reports scores and counts hundreds of thousands of matches: each core takes a
        // share of the segments, and the shares' top hits and counts are merged. The request's thread takes shares
        // too, so when the thread pool is busy (a loaded node) it simply searches them all itself.
        // One share (a small index) is searched on this thread alone.
        var shared = (PartitionedSearcher)searcher;
        Parallel.ForEach(parts, part => shared.Search(part.Leaves, weight, part.Collector));
        var collector = parts[0].Collector;
        foreach (var part in parts.Skip(1)) collector.Add(part.Collector);
        var topDocs = TopDocs.Merge(sort, query.Skip, query.Take, [.. parts.Select(p => (TopDocs)p.Top.GetTopDocs())]);
        var facets = FacetNames.ToDictionary(name => name, name => collector.Counts(columns.IndexOf(name)));
        started = SearchStages.Done(SearchStages.Collect, started);
        if (toHit is not null) return new ReportSearchPage(collector.TotalHits, [.. topDocs.ScoreDocs.Select(hit => toHit(hit.Doc))], facets, text.Suggestion);
        var documents = topDocs.ScoreDocs.Select(hit => searcher.Doc(hit.Doc)).ToList();
        started = SearchStages.Done(SearchStages.Documents, started);
        // Highlighting analyses each hit's whole text once more, as much work as the search itself on a page of 20:
        // the page's hits are shared over the cores as the segments were (the request's thread takes its part too).
        var hits = new ReportHit[documents.Count];
        var marking = highlighter.Prepare(text.Highlight);
        Parallel.For(0, documents.Count, i =>
        {
            var document = documents[i];
            hits[i] = new ReportHit(Guid.Parse(document.Get("id")), marking.Snippets(document.Get("summary") + "\n" + document.Get("body")),
                marking.Title(document.Get("title")));
        });
        SearchStages.Done(SearchStages.Highlight, started);
        return new ReportSearchPage(collector.TotalHits, hits, facets, text.Suggestion);
    }

    /// <summary>The segments in one share per core, balanced by their number of documents (largest first, each to
    /// the share with fewest so far). Small indexes are one share: a task would cost more than it saves.</summary>
    private List<List<AtomicReaderContext>> Partitions(IList<AtomicReaderContext> leaves)
    {
        var shares = Math.Min(Environment.ProcessorCount, leaves.Count);
        if (shares <= 1 || leaves.Sum(l => l.AtomicReader.MaxDoc) < parallelFrom) return [[.. leaves]];
        var parts = Enumerable.Range(0, shares).Select(_ => new List<AtomicReaderContext>()).ToList();
        var sizes = new long[shares];
        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            parts[smallest].Add(leaf);
            sizes[smallest] += leaf.AtomicReader.MaxDoc;
        }
        return parts;
    }

    /// <summary>Reports like this one (<see cref="SimilarReports.Similar"/>), kept until the index changes.</summary>
    public IReadOnlyList<ReportHit> Similar(Guid reportId, int count, bool membersOnlyVisible) =>
        similar.GetOrAdd((reportId, count, membersOnlyVisible), key => WithSearcher(searcher => similarReports.Similar(searcher, key.Item1, key.Item2, key.Item3)));

    /// <summary>The reports most like a text that is not in the index yet: a title and summary being written.</summary>
    public IReadOnlyList<ReportHit> Precedents(string text, int count, bool membersOnlyVisible) =>
        WithSearcher(searcher => similarReports.Precedents(searcher, text, count, membersOnlyVisible));

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        _ = Writer;
        var (manager, searcher) = Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>The current searcher and the manager it came from (a rolled-back rebuild may replace the manager
    /// between reading the field and acquiring from it: then the new one is asked).</summary>
    private (SearcherManager, IndexSearcher) Acquire()
    {
        while (true)
        {
            var manager = searchers!;
            try
            {
                return (manager, manager.Acquire());
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(manager, searchers))
            {
            }
        }
    }

    public void Dispose()
    {
        searchers?.Dispose();
        if (rebuilding) writer?.Rollback();     // a shutdown during a rebuild keeps the previous index on disk
        else writer?.Dispose();
        directory?.Dispose();
        lockFile?.Dispose();
        fields.Dispose();
        analyzer.Dispose();
        plain.Dispose();
    }

    private void Commit(IndexWriter w, long appliedChange)
    {
        w.SetCommitData(new Dictionary<string, string> { [OutboxKey] = appliedChange.ToString(CultureInfo.InvariantCulture), [SchemaKey] = Schema });
        w.Commit();
        rebuilding = false;
        AppliedChange = appliedChange;
        searchers!.MaybeRefreshBlocking();
        similar.Clear();
    }

    private static long? ReadAppliedChange(FSDirectory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory)) return null;
            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (!data.TryGetValue(SchemaKey, out var schema) || schema != Schema) return null;     // another shape: rebuilt
            return data.TryGetValue(OutboxKey, out var value)
                && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            return null;        // unreadable: opened with OpenMode.CREATE and rebuilt from the database
        }
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new PartitionedSearcher(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>A searcher that searches a share of its segments with a collector of the caller's.</summary>
    private sealed class PartitionedSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        public void Search(List<AtomicReaderContext> leaves, Weight weight, ICollector collector) => base.Search(leaves, weight, collector);
    }
}
