using Lessons.Application.Common.Ports;

using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Lessons.Infrastructure.Search;

/// <summary>Reports like a report in the index ("Liknande rapporter") or like a text being written (the precedent check).</summary>
internal sealed class SimilarReports(Analyzer analyzer)
{
    /// <summary>
    /// MoreLikeThis over title, summary and body: the source's most distinctive words (by tf-idf) as a query.
    /// Other organisations' reports come first: the point is to find who else tried the same thing.
    /// </summary>
    public IReadOnlyList<ReportHit> Similar(IndexSearcher searcher, Guid reportId, int count, bool membersOnlyVisible)
    {
        var source = searcher.Search(new TermQuery(new Term("id", reportId.ToString())), 1).ScoreDocs.FirstOrDefault();
        if (source is null) return [];
        var organisation = searcher.Doc(source.Doc).Get("organisationId");
        var query = Visible(MoreLike(searcher).Like(source.Doc), membersOnlyVisible);
        query.Add(new TermQuery(new Term("id", reportId.ToString())), Occur.MUST_NOT);
        return [.. searcher.Search(query, count * 3).ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .OrderBy(d => organisation is not null && d.Get("organisationId") == organisation)   // stable: score order within each group
            .Take(count)
            .Select(d => new ReportHit(Guid.Parse(d.Get("id")), []))];
    }

    /// <summary>The reports most like a text that is not in the index yet: a title and summary being written.</summary>
    public IReadOnlyList<ReportHit> Precedents(IndexSearcher searcher, string text, int count, bool membersOnlyVisible)
    {
        using var reader = new StringReader(text.Length > 5000 ? text[..5000] : text);
        var like = MoreLike(searcher);
        like.MinDocFreq = 1;        // a short text has few words; rare ones are the telling ones
        var query = Visible(like.Like(reader, "body"), membersOnlyVisible);
        return [.. searcher.Search(query, count).ScoreDocs.Select(hit => new ReportHit(Guid.Parse(searcher.Doc(hit.Doc).Get("id")), []))];
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
