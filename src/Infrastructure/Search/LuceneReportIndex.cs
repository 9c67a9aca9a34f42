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
    private const string Schema = "5";

    private static readonly (string Field, float Boost)[] TextFields = [("title", 3f), ("summary", 2f), ("organisation", 1.5f), ("body", 1f)];
    private static readonly string[] FacetNames = ["outcome", "principle", "challenge", "stage", "organisationType", "organisation", "year"];
    private static readonly int[] CountedFacets = [.. Enumerable.Range(0, FacetNames.Length)];

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
    // The synonym list changes rarely: its phrases are analysed once per version of the list, not per search.
    // Replaced whole (one reference), so concurrent searches never pair a list with another list's analysis.
    private AnalysedSynonymList analysedSynonyms = new("", []);
    private FileStream? lockFile;
    private FSDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public LuceneReportIndex(IConfiguration configuration)
    {
        path = Path.GetFullPath(configuration["Search:IndexPath"] is { Length: > 0 } p ? p : "data/index");
        parallelFrom = configuration.GetValue("Search:ParallelFrom", 20_000);
        fields = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(analyzer, new Dictionary<string, Analyzer> { [SpellingField] = plain, [PublicSpellingField] = plain });
    }

    /// <summary>Every word of a report as written (lower-cased, not stemmed): what "Menade du …?" is made from.</summary>
    private const string SpellingField = "spelling";

    /// <summary>The same words, of public reports only: a visitor's "Menade du …?" must not offer a word that only
    /// members-only reports contain (it would tell what they are about).</summary>
    private const string PublicSpellingField = "spelling_public";

    private static readonly FieldType SpellingType = new()
    {
        IsIndexed = true, IsTokenized = true, IsStored = false, OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY,
    };

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
                var config = new IndexWriterConfig(SwedishAnalysis.Version, fields)
                {
                    OpenMode = AppliedChange is null ? OpenMode.CREATE : OpenMode.CREATE_OR_APPEND,
                    Similarity = new BM25Similarity(),
                    RAMBufferSizeMB = 64,       // fewer, larger segments while rebuilding; flushed at commit anyway
                };
                writer = new IndexWriter(directory, config);
                searchers = new SearcherManager(writer, true, new Bm25Searchers());
                return writer;
            }
        }
    }

    /// <summary>Starts replacing the whole index (a new node, a missing, stale or unreadable index); the old
    /// documents stay visible to searches until <see cref="Commit"/>. Until then the index counts as stale, so a
    /// rebuild that fails half-way is started again rather than built upon.</summary>
    public void BeginRebuild()
    {
        var w = Writer;
        AppliedChange = null;
        w.DeleteAll();
    }

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
        var text = TextQuery(query.Text, query.Synonyms, searcher.IndexReader, query.MembersOnlyVisible);
        if (text.Query is not null) return Find(searcher, query, text);
        var pages = browsing.GetValue(searcher.IndexReader, _ => new(StringComparer.Ordinal));
        if (pages.Count > 1000) pages.Clear();
        return pages.GetOrAdd(BrowseKey(query), _ => Find(searcher, query, text));
    });

    private static string BrowseKey(ReportSearchQuery q) => string.Join('|',
        string.Join(',', q.Outcomes.Order()), string.Join(',', q.Principles.Order()), string.Join(',', q.Challenges.Order()),
        string.Join(',', q.Stages.Order()), string.Join(',', q.OrganisationTypes.Order()), string.Join(',', q.Organisations.Order()),
        q.YearFrom, q.YearTo, q.NewestFirst, q.Skip, q.Take, q.MembersOnlyVisible);

    private ReportSearchPage Find(IndexSearcher searcher, ReportSearchQuery query, TextMatch text)
    {
        var sort = query.NewestFirst || !text.Scored
            ? new Sort(new SortField("published", SortFieldType.INT64, true))
            : new Sort(SortField.FIELD_SCORE, new SortField("published", SortFieldType.INT64, true));
        foreach (var leaf in searcher.IndexReader.Leaves) columns.For(leaf.AtomicReader);     // every value has its ordinal before filters name them
        var filters = Filters(query);
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
        var wanted = text.Terms.ToHashSet(StringComparer.Ordinal);
        var hits = topDocs.ScoreDocs.Select(hit =>
        {
            var document = searcher.Doc(hit.Doc);
            var title = document.Get("title");
            return new ReportHit(Guid.Parse(document.Get("id")), Snippets(document.Get("summary") + "\n" + document.Get("body"), wanted),
                new MarkedText(title, Merged([.. Matches("title", title, wanted)])));
        }).ToList();
        var facets = FacetNames.ToDictionary(name => name, name => collector.Counts(columns.IndexOf(name)));
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
        fields.Dispose();
        analyzer.Dispose();
        plain.Dispose();
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
        var visibility = r.MembersOnly ? "members" : "public";
        var d = new Document
        {
            new StringField("id", r.Id.ToString(), Field.Store.YES),
            new TextField("title", r.Title, Field.Store.YES),
            new TextField("summary", r.Summary, Field.Store.YES),
            new TextField("body", r.Body, Field.Store.YES),
            new Field(SpellingField, string.Join("\n", r.Title, r.Summary, r.Body), SpellingType),
            new StringField("visibility", visibility, Field.Store.NO),
            new StringField("outcome", r.Outcome, Field.Store.NO),
            new NumericDocValuesField("published", r.PublishedTicks),
            Facet("outcome", r.Outcome),
            Facet("stage", r.Stage),
            Facet("year", r.Year.ToString(CultureInfo.InvariantCulture)),
            Facet("visibility", visibility),
        };
        if (!r.MembersOnly) d.Add(new Field(PublicSpellingField, string.Join("\n", r.Title, r.Summary, r.Body), SpellingType));
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

    /// <summary>A composed text query: null when the text has nothing to match on (show the newest); whether it
    /// scores (only exclusions do not); the stems to mark in snippets; the corrected text when words were misspelt.</summary>
    private sealed record TextMatch(Query? Query, bool Scored, List<string> Terms, string? Suggestion);

    /// <summary>
    /// The user's text, read by <see cref="QuerySyntax"/>, analysed by the Swedish chain and composed into a bounded
    /// query ourselves: Lucene's query parsers throw on everyday input, so they never see it. Plain words: a word the
    /// index lacks is replaced by its closest spelling in the index ("Menade du …?"); words forming a member of a
    /// synonym group (after stemming, so inflections count) become one concept that also matches the group's other
    /// members; one or two concepts need one match, longer queries half of them, and reports matching more rank
    /// higher. Phrases must match, excluded words and phrases must not, prefixes count as words. Empty (or only stop
    /// words) matches everything.
    /// </summary>
    private TextMatch TextQuery(string? text, IReadOnlyList<IReadOnlyList<string>> synonyms, IndexReader reader, bool membersOnlyVisible)
    {
        var clauses = QuerySyntax.Parse(text);
        var terms = new List<string>();
        var query = new BooleanQuery();
        var plainWords = string.Join(' ', clauses.Where(c => c.Kind == QuerySyntax.Kind.Words && !c.Excluded).Select(c => c.Text));
        var groups = AnalysedSynonyms(synonyms);
        var (plainText, suggestion) = Corrected(plainWords, text, groups, reader, membersOnlyVisible ? SpellingField : PublicSpellingField);
        var concepts = Concepts(SwedishAnalysis.Words(analyzer, plainText), groups, terms);
        foreach (var clause in clauses)
        {
            if (clause.Kind == QuerySyntax.Kind.Prefix)
            {
                concepts.Add(Prefix(clause.Text));
                continue;
            }
            if (clause.Kind == QuerySyntax.Kind.Words && !clause.Excluded) continue;
            var words = SwedishAnalysis.Words(analyzer, clause.Text);
            if (words.Count == 0) continue;
            if (clause.Excluded)
            {
                foreach (var (field, _) in TextFields) query.Add(Phrase(field, words), Occur.MUST_NOT);
                continue;
            }
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in TextFields) anyField.Add(Boosted(Phrase(field, words), boost));
            query.Add(anyField, Occur.MUST);
            terms.AddRange(words.Select(w => w.Stem));
        }
        foreach (var concept in concepts) query.Add(concept, Occur.SHOULD);
        var required = query.Clauses.Count(c => c.Occur == Occur.MUST);
        if (required == 0 && concepts.Count > 0) query.MinimumNumberShouldMatch = concepts.Count <= 2 ? 1 : (concepts.Count + 1) / 2;
        if (query.Clauses.Count == 0) return new TextMatch(null, false, terms, suggestion);
        var scored = required > 0 || concepts.Count > 0;
        if (!scored) query.Add(new MatchAllDocsQuery(), Occur.MUST);      // only exclusions: everything else, newest first
        return new TextMatch(concepts.Any(c => c is FailureConcept) ? AskingForFailures(query) : query, scored, terms, suggestion);
    }

    /// <summary>
    /// Words that ask for what went wrong ("upphandlingar som misslyckats", "avbrutet pilotprojekt"), as stems. The
    /// Snowball stemmer leaves Swedish participles apart (misslyckats → misslyckat but misslyckades → misslyck;
    /// avbrutet, avbruten, avbröts → three stems), and reports seldom say "misslyckades" of themselves: their outcome
    /// does. So such a word matches itself or a failed or abandoned outcome (<see cref="FailureConcept"/>), weighs less
    /// than the query's other words, and the outcome adds a fixed amount on top: enough to lift a failure above a
    /// success about the same thing, not enough to lift a failure about something else. These words are never
    /// "corrected" as misspellings.
    /// </summary>
    private static readonly string[] FailureStems = [.. new[]
    {
        "misslyckades", "misslyckats", "misslyckande", "avbröts", "avbrutet", "avbruten", "avbrutna",
        "stoppades", "nedlagd", "havererade", "fiasko",
    }.Select(SwedishAnalysis.Stem).Distinct()];

    private const float FailureWordWeight = 0.5f;
    private const float FailureBoost = 1.5f;

    /// <summary>The query, with a failed or abandoned outcome adding to the score of what it matches.</summary>
    private static BooleanQuery AskingForFailures(Query text) =>
        new() { { text, Occur.MUST }, { new ConstantScoreQuery(FailedOutcome()) { Boost = FailureBoost }, Occur.SHOULD } };

    /// <summary>
    /// A failure word: the word in the title, summary or body, or a report whose outcome is failed or abandoned (the
    /// other forms of the word, which the stemmer leaves apart, are what such reports say, and are marked in their
    /// snippets). Five postings lists instead of every form in every field: at a million reports, half use one of them.
    /// </summary>
    private sealed class FailureConcept : DisjunctionMaxQuery
    {
        public FailureConcept(AnalysedWord word) : base(0.1f)
        {
            Boost = FailureWordWeight;
            foreach (var (field, boost) in TextFields.Where(f => f.Field != "organisation"))
                Add(new TermQuery(new Term(field, word.Stem)) { Boost = boost });
            Add(new ConstantScoreQuery(FailedOutcome()) { Boost = FailureBoost });
        }
    }

    private static BooleanQuery FailedOutcome() => new()
    {
        { new TermQuery(new Term("outcome", "misslyckades")), Occur.SHOULD },
        { new TermQuery(new Term("outcome", "avbruten")), Occur.SHOULD },
    };

    /// <summary>The plain words as concepts: each word, or a run of words that is a member of a synonym group.</summary>
    private static List<Query> Concepts(List<AnalysedWord> words, List<List<IReadOnlyList<string>>> groups, List<string> terms)
    {
        var concepts = new List<Query>();
        for (var i = 0; i < words.Count && concepts.Count < QuerySyntax.MaxClauses;)
        {
            IReadOnlyList<string>? matched = null;
            List<IReadOnlyList<string>>? others = null;
            foreach (var group in groups)
            {
                foreach (var member in group.Where(m => m.Count > (matched?.Count ?? 0) && i + m.Count <= words.Count
                    && m.SequenceEqual(words.Skip(i).Take(m.Count).Select(w => w.Stem))))
                {
                    matched = member;
                    others = [.. group.Where(m => !m.SequenceEqual(member))];
                }
            }
            if (matched is null && FailureStems.Contains(words[i].Stem))
            {
                concepts.Add(new FailureConcept(words[i]));
                terms.AddRange(FailureStems);
                i++;
                continue;
            }
            if (matched is null)
            {
                concepts.Add(Word(words[i]));
                terms.Add(words[i].Stem);
                terms.AddRange(words[i].Parts);
                i++;
                continue;
            }
            var concept = new DisjunctionMaxQuery(0.1f) { AllOf([.. words.Skip(i).Take(matched.Count)]) };
            foreach (var other in others!)
            {
                var alternative = AllOf([.. other.Select(stem => new AnalysedWord(stem, [], 0))]);
                alternative.Boost *= 0.9f;       // the words the user wrote weigh a little more
                concept.Add(alternative);
                terms.AddRange(other);
            }
            terms.AddRange(matched);
            concepts.Add(concept);
            i += matched.Count;
        }
        return concepts;
    }

    /// <summary>
    /// The plain words with each word the index has never seen ("välfärdstenik") replaced by the closest word the
    /// reports use (one edit for short words, two for long; a transposition is one), found in the index's own
    /// vocabulary of words as written. Returns the text to search and, when anything changed, the user's whole
    /// query with the corrections, for "Menade du …?".
    /// </summary>
    private (string Text, string? Suggestion) Corrected(string plainText, string? original, List<List<IReadOnlyList<string>>> synonyms,
        IndexReader reader, string spellingField)
    {
        var spelling = MultiFields.GetTerms(reader, spellingField);
        if (spelling is null || plainText.Length == 0) return (plainText, null);
        bool Known(string stem) => TextFields.Any(f => reader.DocFreq(new Term(f.Field, stem)) > 0);
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in SwedishAnalysis.Terms(plain, SpellingField, plainText).Distinct().Take(QuerySyntax.MaxClauses))
        {
            if (word.Length < 4 || !word.All(char.IsLetter) || corrections.ContainsKey(word)) continue;
            var analysed = SwedishAnalysis.Words(analyzer, word);
            if (analysed.Count != 1 || Known(analysed[0].Stem) || FailureStems.Contains(analysed[0].Stem) || synonyms.Any(g => g.Any(m => m.Contains(analysed[0].Stem)))
                || (analysed[0].Parts.Count > 1 && analysed[0].Parts.All(Known))) continue;     // known, a synonym, or a compound of known parts
            if (Closest(spelling, spellingField, word) is { } closest) corrections[word] = closest;
        }
        if (corrections.Count == 0) return (plainText, null);
        string Fix(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\w+",
            m => corrections.TryGetValue(m.Value.ToLowerInvariant(), out var c) ? c : m.Value);
        return (Fix(plainText), Fix(original ?? ""));
    }

    private static string? Closest(Terms spelling, string field, string word)
    {
        var edits = word.Length >= 8 ? 2 : 1;
        var candidates = new FuzzyTermsEnum(spelling, new AttributeSource(), new Term(field, word), edits, 1, true);
        var boost = candidates.Attributes.AddAttribute<IBoostAttribute>();
        (string Word, float Similarity, int Reports)? best = null;
        for (var i = 0; i < 200 && candidates.MoveNext(); i++)
        {
            var found = (candidates.Term.Utf8ToString(), boost.Boost, candidates.DocFreq);
            if (best is not { } b || found.Item2 > b.Similarity || (found.Item2 == b.Similarity && found.Item3 > b.Reports)) best = found;
        }
        return best?.Word;
    }

    private List<List<IReadOnlyList<string>>> AnalysedSynonyms(IReadOnlyList<IReadOnlyList<string>> synonyms)
    {
        var key = string.Join('|', synonyms.Select(g => string.Join(',', g)));
        var cached = analysedSynonyms;
        if (cached.Key == key) return cached.Groups;
        var groups = synonyms
            .Select(g => g.Select(member => (IReadOnlyList<string>)[.. SwedishAnalysis.Words(analyzer, member).Select(w => w.Stem)]).Where(m => m.Count > 0).ToList())
            .ToList();
        analysedSynonyms = new AnalysedSynonymList(key, groups);
        return groups;
    }

    private sealed record AnalysedSynonymList(string Key, List<List<IReadOnlyList<string>>> Groups);

    private static Query AllOf(IReadOnlyList<AnalysedWord> words)
    {
        if (words.Count == 1) return Word(words[0]);
        var all = new BooleanQuery();
        foreach (var word in words) all.Add(Word(word), Occur.MUST);
        return all;
    }

    /// <summary>One word in any text field (a title match weighs most). A compound also matches its parts written
    /// apart (hemtjänst: hem … tjänst), weighted below the compound itself; its parts alone match it anyway, as the
    /// index holds every compound's parts too.</summary>
    private static DisjunctionMaxQuery Word(AnalysedWord word)
    {
        var anyField = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in TextFields) anyField.Add(new TermQuery(new Term(field, word.Stem)) { Boost = boost });
        if (word.Parts.Count > 1)
        {
            var parts = AllOf([.. word.Parts.Select(p => new AnalysedWord(p, [], 0))]);
            parts.Boost = 0.6f;
            anyField.Add(parts);
        }
        return anyField;
    }

    /// <summary>Words starting with a prefix, in any field; the prefix is stemmed like a word (upphandlingar* finds
    /// upphandling). Constant-score: no expansion into thousands of scored terms.</summary>
    private static DisjunctionMaxQuery Prefix(string text)
    {
        var stem = SwedishAnalysis.Stem(text.ToLowerInvariant());
        var anyField = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in TextFields) anyField.Add(new PrefixQuery(new Term(field, stem)) { Boost = boost });
        return anyField;
    }

    /// <summary>The words in order in one field; stop words between them leave their gap (vård på distans).</summary>
    private static Query Phrase(string field, List<AnalysedWord> words)
    {
        if (words.Count == 1) return new TermQuery(new Term(field, words[0].Stem));
        var phrase = new PhraseQuery();
        foreach (var word in words) phrase.Add(new Term(field, word.Stem), word.Position);
        return phrase;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
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

    /// <summary>Up to two sentences of the text that contain a searched word, with those words marked. The text is
    /// analysed by the same chain (so "upphandlingar" is marked for "upphandling", and "välfärdsteknik" for
    /// "teknik") and only as far as the second such sentence.</summary>
    private List<MarkedText> Snippets(string text, HashSet<string> wanted)
    {
        var snippets = new List<MarkedText>();
        var (sentenceStart, sentenceEnd) = (0, SentenceEnd(text, 0));
        var marks = new List<TextMark>();
        foreach (var match in Matches("body", text, wanted))
        {
            if (match.Start >= sentenceEnd)
            {
                if (marks.Count > 0) snippets.Add(Snippet(text, sentenceStart, sentenceEnd, marks));
                if (snippets.Count == 2) return snippets;
                marks.Clear();
                while (match.Start >= sentenceEnd) (sentenceStart, sentenceEnd) = (sentenceEnd, SentenceEnd(text, sentenceEnd));
            }
            marks.Add(match);
        }
        if (marks.Count > 0) snippets.Add(Snippet(text, sentenceStart, sentenceEnd, marks));
        return snippets;
    }

    /// <summary>Where the text has a searched word, in order, analysed lazily (a caller that stops early stops the analysis).</summary>
    private IEnumerable<TextMark> Matches(string field, string text, HashSet<string> wanted)
    {
        if (wanted.Count == 0) yield break;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            if (wanted.Contains(term.ToString())) yield return new TextMark(offset.StartOffset, offset.EndOffset - offset.StartOffset);
        stream.End();
    }

    private static int SentenceEnd(string text, int from)
    {
        var end = text.IndexOfAny(['.', '\n', '!', '?'], from);
        return end < 0 ? text.Length : end + 1;
    }

    /// <summary>One sentence, trimmed (and cut at 240 characters), with its marks moved to its own positions.</summary>
    private static MarkedText Snippet(string text, int start, int end, List<TextMark> marks)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '-')) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var cut = end - start > 240;
        if (cut) end = start + 240;
        var sentence = text[start..end];
        if (cut) sentence += "…";
        else if (sentence.Length > 0 && sentence[^1] is not ('.' or '!' or '?')) sentence += ".";
        return new MarkedText(sentence, Merged([.. marks.Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => new TextMark(m.Start - start, m.Length))]));
    }

    /// <summary>Marks in order without overlaps (a compound and its parts mark the same letters).</summary>
    private static List<TextMark> Merged(List<TextMark> marks)
    {
        var merged = new List<TextMark>();
        foreach (var mark in marks.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && mark.Start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = new TextMark(last.Start, Math.Max(last.Start + last.Length, mark.Start + mark.Length) - last.Start);
            }
            else merged.Add(mark);
        }
        return merged;
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
