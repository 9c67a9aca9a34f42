using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Queries.Function;
using Lucene.Net.Queries.Function.ValueSources;
using Lucene.Net.Search;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// A query whose score is scaled by the share of its concepts a report matches: a report covering every concept
/// keeps its score, one covering half keeps 1 − weight/2 of it. Each concept is looked up only for the query's own
/// matches (a value source per concept), so the cost grows with the hits, not with the index.
/// </summary>
internal sealed class CoordinationQuery(Query query, IReadOnlyList<Query> concepts, float weight)
    : CustomScoreQuery(query, [.. concepts.Select(c => new FunctionQuery(new QueryValueSource(c, 0f)))])
{
    public float Weight { get; } = weight;

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Covered(context, Weight);

    public override bool Equals(object? obj) => obj is CoordinationQuery other && other.Weight == Weight && base.Equals(obj);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Weight);

    private sealed class Covered(AtomicReaderContext context, float weight) : CustomScoreProvider(context)
    {
        public override float CustomScore(int doc, float subQueryScore, float[] valSrcScores)
        {
            var matched = 0;
            foreach (var score in valSrcScores) if (score > 0) matched++;
            return subQueryScore * (1 - weight + weight * matched / valSrcScores.Length);
        }

        public override Explanation CustomExplain(int doc, Explanation subQueryExpl, Explanation[] valSrcExpls)
        {
            var matched = valSrcExpls.Count(e => e.Value > 0);
            var explanation = new Explanation(CustomScore(doc, subQueryExpl.Value, [.. valSrcExpls.Select(e => e.Value)]),
                $"coordination: {matched} of {valSrcExpls.Length} concepts");
            explanation.AddDetail(subQueryExpl);
            return explanation;
        }
    }
}
