using Lessons.Application.Common.Ports;

using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// Reports like a report in the index ("Liknande rapporter") or like a text being written (the precedent check).
/// Both have a relevance floor: a report counts only when it scores at least <see cref="Floor"/> of what the source
/// itself scores on the same query. MoreLikeThis always finds something, since any two reports share a few common
/// words; in a small corpus that something is unrelated, and offering fewer reports, or none, is better.
/// </summary>
internal sealed class SimilarReports(Analyzer analyzer)
{
    /// <summary>Chosen on the relevance corpus's 100 reports, not on its queries: the reports most like each one score
    /// a median 0.30 of it (the fifth most alike 0.16), and those below 0.15 share little more than the sector's
    /// common words (for an AI chatbot in a contact centre: an anonymous youth chat, invoice robots).</summary>
    internal const float Floor = 0.15f;

    /// <summary>
    /// MoreLikeThis over title, summary and body: the source's most distinctive words (by tf-idf) as a query.
    /// Other organisations' reports come first: the point is to find who else tried the same thing.
    /// </summary>
    public IReadOnlyList<ReportHit> Similar(IndexSearcher searcher, Guid reportId, int count, bool membersOnlyVisible)
    {
        var source = searcher.Search(new TermQuery(new Term("id", reportId.ToString())), 1).ScoreDocs.FirstOrDefault();
        if (source is null) return [];
        var organisation = searcher.Doc(source.Doc).Get("organisationId");
        var like = MoreLike(searcher).Like(source.Doc);
        var least = searcher.Explain(like, source.Doc).Value * Floor;
        var query = Visible(like, membersOnlyVisible);
        query.Add(new TermQuery(new Term("id", reportId.ToString())), Occur.MUST_NOT);
        return [.. Ranked(searcher, query, count * 3)
            .Where(hit => hit.Score >= least)
            .Select(hit => searcher.Doc(hit.Doc))
            .OrderBy(d => organisation is not null && d.Get("organisationId") == organisation)   // stable: score order within each group
            .Take(count)
            .Select(d => new ReportHit(Guid.Parse(d.Get("id")), []))];
    }

    /// <summary>The reports most like a text that is not in the index yet: a title and summary being written.</summary>
    public IReadOnlyList<ReportHit> Precedents(IndexSearcher searcher, string text, int count, bool membersOnlyVisible)
    {
        if (text.Length > 5000) text = text[..5000];
        using var reader = new StringReader(text);
        var like = MoreLike(searcher);
        like.MinDocFreq = 1;        // a short text has few words; rare ones are the telling ones
        var query = like.Like(reader, "body");
        var least = ScoreOfText(searcher, WithUnknownWords(searcher, query, text), text) * Floor;
        return [.. Ranked(searcher, Visible(query, membersOnlyVisible), count)
            .Where(hit => hit.Score >= least)
            .Select(hit => new ReportHit(Guid.Parse(searcher.Doc(hit.Doc).Get("id")), []))];
    }

    /// <summary>
    /// The query with the text's words that no report uses. MoreLikeThis leaves them out, as they match nothing, but
    /// they are what the text is about as much as the others: a text whose only known word is "kommunen" is not like
    /// every report that says "kommunen".
    /// </summary>
    private BooleanQuery WithUnknownWords(IndexSearcher searcher, Query query, string text)
    {
        var all = new BooleanQuery { { query, Occur.SHOULD } };
        var fields = new[] { "title", "summary", "body" };
        foreach (var stem in SwedishAnalysis.Terms(analyzer, "body", text).Distinct(StringComparer.Ordinal)
            .Where(stem => fields.All(f => searcher.IndexReader.DocFreq(new Term(f, stem)) == 0)).Take(25))
            all.Add(new TermQuery(new Term("body", stem)), Occur.SHOULD);
        return all;
    }

    /// <summary>Best first; equal scores by report id, so every node offers the same reports.</summary>
    private static ScoreDoc[] Ranked(IndexSearcher searcher, Query query, int count) =>
        searcher.Search(query, null, count, new Sort(SortField.FIELD_SCORE, new SortField("id", SortFieldType.STRING)), true, false).ScoreDocs;

    /// <summary>What the text would score on the query if it were a report in the index: the text alone in an index
    /// in memory, scored with the real index's statistics (how rare each word is, how long reports are).</summary>
    private float ScoreOfText(IndexSearcher searcher, Query query, string text)
    {
        var memory = new Lucene.Net.Index.Memory.MemoryIndex();
        foreach (var field in new[] { "title", "summary", "body" }) memory.AddField(field, text, analyzer);
        var own = memory.CreateSearcher();
        own.Similarity = searcher.Similarity;
        var scoring = new WithStatisticsOf(searcher, own.IndexReader) { Similarity = searcher.Similarity };
        return scoring.Search(query, 1).ScoreDocs.FirstOrDefault()?.Score ?? 0f;
    }

    private sealed class WithStatisticsOf(IndexSearcher index, IndexReader reader) : IndexSearcher(reader)
    {
        public override CollectionStatistics CollectionStatistics(string field) => index.CollectionStatistics(field);

        public override TermStatistics TermStatistics(Term term, TermContext context) =>
            index.TermStatistics(term, TermContext.Build(index.TopReaderContext, term));
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
}
