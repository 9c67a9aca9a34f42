using System.Globalization;

using Lessons.Application.Common.Ports;

using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

using Microsoft.Extensions.Configuration;

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
    private const string Schema = "2";

    private static readonly (string Field, float Boost)[] TextFields = [("title", 3f), ("summary", 2f), ("organisation", 1.5f), ("body", 1f)];
    private static readonly string[] FacetNames = ["outcome", "principle", "challenge", "stage", "organisationType", "organisation", "year"];
    private static readonly int[] CountedFacets = [.. Enumerable.Range(0, FacetNames.Length)];

    private readonly string path;
    private readonly Analyzer analyzer = SwedishAnalysis.Create();
    private readonly System.Threading.Lock gate = new();
    private readonly FacetColumns columns = new([.. FacetNames, "visibility"]);
    // Similar reports change only when the index does: kept until the next commit.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Guid, int, bool), IReadOnlyList<ReportHit>> similar = new();
    // The synonym list changes rarely: its phrases are analysed once per version of the list, not per search.
    // Replaced whole (one reference), so concurrent searches never pair a list with another list's analysis.
    private AnalysedSynonymList analysedSynonyms = new("", []);
    private FileStream? lockFile;
    private FSDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public LuceneReportIndex(IConfiguration configuration) =>
        path = Path.GetFullPath(configuration["Search:IndexPath"] is { Length: > 0 } p ? p : "data/index");

    /// <summary>The last outbox row applied, or null when the index is new (or was unreadable and is being rebuilt).</summary>
    public long? AppliedChange { get; private set; }

    private IndexWriter Writer
    {
        get
        {
            if (writer is not null) return writer;
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
                AppliedChange = ReadAppliedChange(directory);
                var config = new IndexWriterConfig(SwedishAnalysis.Version, analyzer)
                {
                    OpenMode = AppliedChange is null ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
                    Similarity = new BM25Similarity(),
                };
                writer = new IndexWriter(directory, config);
                searchers = new SearcherManager(writer, true, new Bm25Searchers());
                return writer;
            }
        }
    }

    /// <summary>Starts replacing the whole index (a new node, a missing, stale or unreadable index); the old
    /// documents stay visible to searches until <see cref="Commit"/>.</summary>
    public void BeginRebuild() => Writer.DeleteAll();

    public void Add(IEnumerable<IndexedReport> reports)
    {
        var w = Writer;
        foreach (var report in reports) w.AddDocument(ToDocument(report));
    }

    public void Commit(long appliedChange) => Commit(Writer, appliedChange);

    public void Apply(IEnumerable<IndexedReport> upserts, IEnumerable<Guid> deletes, long appliedChange)
    {
        var w = Writer;
        foreach (var report in upserts) w.UpdateDocument(new Term("id", report.Id.ToString()), ToDocument(report));
        foreach (var id in deletes) w.DeleteDocuments(new Term("id", id.ToString()));
        Commit(w, appliedChange);
    }

    /// <summary>Opens the index if needed, so <see cref="AppliedChange"/> is known.</summary>
    public void Open() => _ = Writer;

    public ReportSearchPage Search(ReportSearchQuery query) => WithSearcher(searcher =>
    {
        var text = TextQuery(query.Text, query.Synonyms, searcher.IndexReader, out var terms);
        var sort = query.NewestFirst || terms.Count == 0
            ? new Sort(new SortField("published", SortFieldType.INT64, true))
            : new Sort(SortField.FIELD_SCORE, new SortField("published", SortFieldType.INT64, true));
        var top = TopFieldCollector.Create(sort, Math.Max(1, query.Skip + query.Take), false, terms.Count > 0, false, false);
        foreach (var leaf in searcher.IndexReader.Leaves) columns.For(leaf.AtomicReader);     // every value has its ordinal before filters name them
        var collector = new FacetedCollector(columns, top, Filters(query), CountedFacets);
        searcher.Search((Query?)text ?? new MatchAllDocsQuery(), collector);
        var hits = top.GetTopDocs(query.Skip, query.Take).ScoreDocs.Select(hit =>
        {
            var document = searcher.Doc(hit.Doc);
            return new ReportHit(Guid.Parse(document.Get("id")), Highlights(document, terms));
        }).ToList();
        var facets = FacetNames.ToDictionary(name => name, name => collector.Counts(columns.IndexOf(name)));
        return new ReportSearchPage(collector.TotalHits, hits, facets);
    });

    /// <summary>
    /// MoreLikeThis over title, summary and body: the source's most distinctive words (by tf-idf) as a query.
    /// Other organisations' reports come first: the point is to find who else tried the same thing.
    /// </summary>
    public IReadOnlyList<ReportHit> Similar(Guid reportId, int count, bool membersOnlyVisible) =>
        similar.GetOrAdd((reportId, count, membersOnlyVisible), key => FindSimilar(key.Item1, key.Item2, key.Item3));

    private IReadOnlyList<ReportHit> FindSimilar(Guid reportId, int count, bool membersOnlyVisible) => WithSearcher(searcher =>
    {
        var source = searcher.Search(new TermQuery(new Term("id", reportId.ToString())), 1).ScoreDocs.FirstOrDefault();
        if (source is null) return (IReadOnlyList<ReportHit>)[];
        var organisation = searcher.Doc(source.Doc).Get("organisationId");
        var query = Visible(MoreLike(searcher).Like(source.Doc), membersOnlyVisible);
        query.Add(new TermQuery(new Term("id", reportId.ToString())), Occur.MUST_NOT);
        return (IReadOnlyList<ReportHit>)[.. searcher.Search(query, count * 3).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .OrderBy(d => organisation is not null && d.Get("organisationId") == organisation)   // stable: score order within each group
            .Take(count)
            .Select(d => new ReportHit(Guid.Parse(d.Get("id")), []))];
    });

    /// <summary>The reports most like a text that is not in the index yet: a title and summary being written.</summary>
    public IReadOnlyList<ReportHit> Precedents(string text, int count, bool membersOnlyVisible) => WithSearcher(searcher =>
    {
        using var reader = new StringReader(text.Length > 5000 ? text[..5000] : text);
        var like = MoreLike(searcher);
        like.MinDocFreq = 1;        // a short text has few words; rare ones are the telling ones
        var query = Visible(like.Like(reader, "body"), membersOnlyVisible);
        return (IReadOnlyList<ReportHit>)[.. searcher.Search(query, count).ScoreDocs.Select(hit => new ReportHit(Guid.Parse(searcher.Doc(hit.Doc).Get("id")), []))];
    });

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        _ = Writer;
        var searcher = searchers!.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The query, restricted to public reports unless the viewer may read members-only ones.</summary>
    private static BooleanQuery Visible(Query query, bool membersOnlyVisible)
    {
        var visible = new BooleanQuery { { query, Occur.MUST } };
        if (!membersOnlyVisible) visible.Add(new ConstantScoreQuery(new TermQuery(new Term("visibility", "public"))) { Boost = 0f }, Occur.MUST);
        return visible;
    }

    private Lucene.Net.Queries.Mlt.MoreLikeThis MoreLike(IndexSearcher searcher) => new(searcher.IndexReader)
    {
        Analyzer = analyzer,
        FieldNames = ["title", "summary", "body"],
        MinTermFreq = 1,
        MinDocFreq = 2,
        MaxQueryTerms = 25,
    };

    public void Dispose()
    {
        searchers?.Dispose();
        writer?.Dispose();
        directory?.Dispose();
        lockFile?.Dispose();
        analyzer.Dispose();
    }

    private void Commit(IndexWriter w, long appliedChange)
    {
        w.SetCommitData(new Dictionary<string, string> { [OutboxKey] = appliedChange.ToString(CultureInfo.InvariantCulture), [SchemaKey] = Schema });
        w.Commit();
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

    private static Document ToDocument(IndexedReport r)
    {
        var d = new Document
        {
            new StringField("id", r.Id.ToString(), Field.Store.YES),
            new TextField("title", r.Title, Field.Store.YES),
            new TextField("summary", r.Summary, Field.Store.YES),
            new TextField("body", r.Body, Field.Store.YES),
            new StringField("visibility", r.MembersOnly ? "members" : "public", Field.Store.NO),
            new NumericDocValuesField("published", r.PublishedTicks),
            Facet("outcome", r.Outcome),
            Facet("stage", r.Stage),
            Facet("year", r.Year.ToString(CultureInfo.InvariantCulture)),
            Facet("visibility", r.MembersOnly ? "members" : "public"),
        };
        foreach (var p in r.Principles) d.Add(Facet("principle", p));
        foreach (var c in r.Challenges) d.Add(Facet("challenge", c));
        if (r.OrganisationId is { } organisationId)
        {
            d.Add(new TextField("organisation", r.OrganisationName ?? "", Field.Store.NO));
            d.Add(new StringField("organisationId", organisationId.ToString(), Field.Store.YES));
            d.Add(Facet("organisation", organisationId.ToString()));
            d.Add(Facet("organisationType", r.OrganisationType!));
        }
        return d;
    }

    private static SortedSetDocValuesField Facet(string name, string value) => new("f_" + name, new BytesRef(value));

    /// <summary>
    /// The user's words, analysed by the Swedish chain and composed into a bounded query ourselves: Lucene's query
    /// parsers throw on everyday input, so they never see it. Words that form a member of a synonym group (after
    /// stemming, so inflections count) become one concept that also matches the group's other members. Each concept
    /// may match in any field (a title match weighs most); one or two concepts need one match, longer queries half
    /// of them, and reports matching more rank higher. Empty (or only stop words) matches everything.
    /// </summary>
    private BooleanQuery? TextQuery(string? text, IReadOnlyList<IReadOnlyList<string>> synonyms, IndexReader reader, out List<string> terms)
    {
        var words = string.IsNullOrWhiteSpace(text) ? []
            : SwedishAnalysis.Terms(analyzer, "body", text.Length > 1000 ? text[..1000] : text).Take(32).ToList();
        terms = [.. words.Distinct()];
        if (words.Count == 0) return null;

        var groups = AnalysedSynonyms(synonyms);
        var concepts = new List<Query>();
        for (var i = 0; i < words.Count;)
        {
            IReadOnlyList<string>? matched = null;
            List<IReadOnlyList<string>>? others = null;
            foreach (var group in groups)
            {
                foreach (var member in group.Where(m => m.Count > (matched?.Count ?? 0) && i + m.Count <= words.Count
                    && m.SequenceEqual(words.Skip(i).Take(m.Count))))
                {
                    matched = member;
                    others = [.. group.Where(m => !m.SequenceEqual(member))];
                }
            }
            if (matched is null)
            {
                concepts.Add(Word(words[i], reader));
                i++;
                continue;
            }
            var concept = new DisjunctionMaxQuery(0.1f) { AllOf(matched, reader) };
            foreach (var other in others!)
            {
                var alternative = AllOf(other, reader);
                alternative.Boost *= 0.9f;       // the words the user wrote weigh a little more
                concept.Add(alternative);
                terms.AddRange(other);
            }
            concepts.Add(concept);
            i += matched.Count;
        }

        var query = new BooleanQuery();
        foreach (var concept in concepts) query.Add(concept, Occur.SHOULD);
        query.MinimumNumberShouldMatch = concepts.Count <= 2 ? 1 : (concepts.Count + 1) / 2;
        return query;
    }

    private List<List<IReadOnlyList<string>>> AnalysedSynonyms(IReadOnlyList<IReadOnlyList<string>> synonyms)
    {
        var key = string.Join('|', synonyms.Select(g => string.Join(',', g)));
        var cached = analysedSynonyms;
        if (cached.Key == key) return cached.Groups;
        var groups = synonyms
            .Select(g => g.Select(member => SwedishAnalysis.Terms(analyzer, "body", member)).Where(m => m.Count > 0).ToList())
            .ToList();
        analysedSynonyms = new AnalysedSynonymList(key, groups);
        return groups;
    }

    private sealed record AnalysedSynonymList(string Key, List<List<IReadOnlyList<string>>> Groups);

    private static Query AllOf(IReadOnlyList<string> words, IndexReader reader)
    {
        if (words.Count == 1) return Word(words[0], reader);
        var all = new BooleanQuery();
        foreach (var word in words) all.Add(Word(word, reader), Occur.MUST);
        return all;
    }

    /// <summary>One word in any text field. A word the index has never seen is probably misspelt
    /// ("enerigeffektivisering", "bygglv"): the indexed words within one or two edits (transpositions count as
    /// one) are looked for too, weighted below exact words.</summary>
    private static DisjunctionMaxQuery Word(string term, IndexReader reader)
    {
        var anyField = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in TextFields) anyField.Add(new TermQuery(new Term(field, term)) { Boost = boost });
        if (term.Length >= 4 && TextFields.All(f => reader.DocFreq(new Term(f.Field, term)) == 0))
        {
            var edits = term.Length >= 8 ? 2 : 1;
            foreach (var (field, boost) in TextFields)
                anyField.Add(new FuzzyQuery(new Term(field, term), edits, 1) { Boost = boost * 0.8f });
        }
        return anyField;
    }

    /// <summary>The query's filters as facet-column lookups: AND across facets, OR within one.</summary>
    private List<FacetedCollector.Filter> Filters(ReportSearchQuery q)
    {
        var filters = new List<FacetedCollector.Filter>();
        void AnyOf(string facet, IEnumerable<string> values)
        {
            var wanted = values.ToHashSet(StringComparer.Ordinal);
            if (wanted.Count == 0) return;
            var index = columns.IndexOf(facet);
            filters.Add(new(index, columns.Accepting(index, wanted.Contains)));
        }
        AnyOf("outcome", q.Outcomes);
        AnyOf("principle", q.Principles);
        AnyOf("challenge", q.Challenges);
        AnyOf("stage", q.Stages);
        AnyOf("organisationType", q.OrganisationTypes);
        AnyOf("organisation", q.Organisations.Select(o => o.ToString()));
        if (q.YearFrom is not null || q.YearTo is not null)
        {
            var year = columns.IndexOf("year");
            filters.Add(new(year, columns.Accepting(year, value =>
                int.TryParse(value, CultureInfo.InvariantCulture, out var y) && y >= (q.YearFrom ?? int.MinValue) && y <= (q.YearTo ?? int.MaxValue))));
        }
        if (!q.MembersOnlyVisible)
        {
            var visibility = columns.IndexOf("visibility");
            filters.Add(new(visibility, columns.Accepting(visibility, value => value == "public"), Required: true));
        }
        return filters;
    }

    /// <summary>Up to two sentences of the summary and body that contain a searched word, found by analysing them
    /// with the same chain (so "upphandlingar" is found for "upphandling").</summary>
    private List<string> Highlights(Document document, List<string> terms)
    {
        if (terms.Count == 0) return [];
        var wanted = terms.ToHashSet(StringComparer.Ordinal);
        var sentences = (document.Get("summary") + "\n" + document.Get("body"))
            .Split(['.', '\n', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. sentences
            .Where(s => s.Length > 0 && SwedishAnalysis.Terms(analyzer, "body", s).Any(wanted.Contains))
            .Take(2)
            .Select(s => (s.Length > 240 ? s[..240] + "…" : s.TrimStart('-', ' ')) + (s.Length > 240 ? "" : "."))];
    }

    private sealed class Bm25Searchers : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
