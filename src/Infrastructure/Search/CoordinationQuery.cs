using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// A query whose score is scaled by the share of its concepts a report matches: a report covering every concept
/// keeps its score, one covering half keeps 1 − weight/2 of it. The concepts are the query's optional clauses, and
/// the share is Lucene's own coordination: the boolean scorer already knows how many of its clauses stand on the
/// document it scores, so no concept's postings are walked a second time (as a value source per concept did).
/// </summary>
internal sealed class CoordinationQuery : BooleanQuery
{
    /// <param name="query">Required clauses (phrases), exclusions and one optional clause per concept.</param>
    public CoordinationQuery(BooleanQuery query, float weight)
    {
        foreach (var clause in query.Clauses) Add(clause.Query, clause.Occur);
        MinimumNumberShouldMatch = query.MinimumNumberShouldMatch;
        Boost = query.Boost;
        Weight = weight;
        Required = query.Clauses.Count(c => c.Occur == Occur.MUST);
        Concepts = query.Clauses.Count(c => c.Occur == Occur.SHOULD);
    }

    public float Weight { get; }

    private int Required { get; }

    private int Concepts { get; }

    /// <summary>What a score is multiplied by when <paramref name="matched"/> of the concepts match.</summary>
    public float Factor(int matched) => 1 - Weight + Weight * matched / Concepts;

    public override Lucene.Net.Search.Weight CreateWeight(IndexSearcher searcher) => new Covered(this, searcher);

    public override bool Equals(object? obj) => obj is CoordinationQuery other && other.Weight == Weight && base.Equals(obj);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Weight);

    public override string ToString(string field) => $"coordinated({base.ToString(field)}, {Weight})";

    /// <summary>
    /// Counts the concepts among the clauses that match (every required clause does, or the document would not be
    /// scored), and always scores in document order: the same scorers, summing in the same order, as when this was
    /// a wrapper around the plain query, so scores (and the order of hits) stay exactly as they were.
    /// </summary>
    private sealed class Covered(CoordinationQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, false)
    {
        public override float Coord(int overlap, int maxOverlap) => query.Factor(overlap - query.Required);

        public override BulkScorer GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits acceptDocs) =>
            base.GetBulkScorer(context, true, acceptDocs);

        public override bool ScoresDocsOutOfOrder => false;
    }
}
