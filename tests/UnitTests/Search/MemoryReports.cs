using Lessons.Application.Common.Ports;
using Lessons.Infrastructure.Search;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Lessons.UnitTests.Search;

/// <summary>A few reports in an index in memory, with the site's analysis, documents, query builder and highlighter.</summary>
internal sealed class MemoryReports : IDisposable
{
    private readonly Analyzer analyzer = SwedishAnalysis.Create();
    private readonly Analyzer plain = SwedishAnalysis.CreatePlain();
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly ReportQueryBuilder queries;

    public MemoryReports(params (string Title, string Text, string Outcome)[] reports)
    {
        using var fields = new PerFieldAnalyzerWrapper(analyzer,
            new Dictionary<string, Analyzer> { [ReportDocuments.SpellingField] = plain, [ReportDocuments.PublicSpellingField] = plain });
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SwedishAnalysis.Version, fields) { Similarity = new BM25Similarity() }))
        {
            foreach (var (title, text, outcome) in reports)
                writer.AddDocument(ReportDocuments.ToDocument(new IndexedReport(Guid.NewGuid(), title, text, "", null, null, null,
                    outcome, "test", [], [], 2024, 0, MembersOnly: false)));
        }
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        queries = new ReportQueryBuilder(analyzer, new SpellingCorrector(analyzer, plain));
        Highlighter = new ReportHighlighter(analyzer);
    }

    public ReportHighlighter Highlighter { get; }

    public TextMatch Query(string text, params string[][] synonyms) => queries.Build(text, synonyms, reader, membersOnlyVisible: false);

    /// <summary>The titles the query finds, best first.</summary>
    public IReadOnlyList<string> Titles(string text, params string[][] synonyms)
    {
        return Titles(Query(text, synonyms).Query ?? new MatchAllDocsQuery());
    }

    /// <summary>The titles a given query finds, best first.</summary>
    public IReadOnlyList<string> Titles(Query query) =>
        [.. searcher.Search(query, null, 10, ReportDocuments.Order(scored: true), true, false).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("title"))];

    /// <summary>The score of each report a given query finds, by title.</summary>
    public IReadOnlyDictionary<string, float> Scores(Query query) =>
        searcher.Search(query, 10).ScoreDocs.ToDictionary(d => searcher.Doc(d.Doc).Get("title"), d => d.Score);

    /// <summary>The text with its marks in brackets: "[Energieffektivisering] i skolor".</summary>
    public static string Marked(MarkedText text)
    {
        var result = text.Text;
        foreach (var mark in text.Marks.OrderByDescending(m => m.Start))
            result = result[..mark.Start] + "[" + result.Substring(mark.Start, mark.Length) + "]" + result[(mark.Start + mark.Length)..];
        return result;
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
        analyzer.Dispose();
        plain.Dispose();
    }
}
