using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Queries.Function;
using Lucene.Net.Queries.Function.ValueSources;
using Lucene.Net.Search;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// A query whose score is scaled by the share of its concepts a report matches: a report covering every concept
/// keeps its score, one covering half keeps 1 − weight/2 of it. Each concept is looked up only for the query's own
/// matches (a value source per concept), so the cost grows with the hits, not with the index; and only whether it
/// matches is asked, never its score, which the query itself has already computed once.
/// </summary>
internal sealed class CoordinationQuery(Query query, IReadOnlyList<Query> concepts, float weight)
    : CustomScoreQuery(query, [.. concepts.Select(c => new FunctionQuery(new Matches(c)))])
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

    /// <summary>1 where the concept matches the document, 0 elsewhere: a <see cref="QueryValueSource"/> that moves its
    /// scorer to the document but never scores it (a concept of several fields, synonyms and derived words costs as
    /// much to score as the query's own clause did).</summary>
    private sealed class Matches(Query concept) : ValueSource
    {
        public override void CreateWeight(System.Collections.IDictionary context, IndexSearcher searcher) =>
            context[this] = searcher.CreateNormalizedWeight(concept);

        public override FunctionValues GetValues(System.Collections.IDictionary context, AtomicReaderContext readerContext) =>
            new Matched(this, (Weight)context[this]!, readerContext);

        public override string GetDescription() => $"matches({concept})";

        public override bool Equals(object? o) => o is Matches other && other.Concept.Equals(Concept);

        public override int GetHashCode() => Concept.GetHashCode() * 31;

        private Query Concept => concept;
    }

    private sealed class Matched(ValueSource source, Weight weight, AtomicReaderContext context) : Lucene.Net.Queries.Function.DocValues.SingleDocValues(source)
    {
        private Scorer? scorer;
        private int requested = int.MaxValue;
        private int at = -1;

        public override float SingleVal(int doc) => Exists(doc) ? 1f : 0f;

        public override bool Exists(int doc)
        {
            // The custom scorer asks in increasing document order, once per match of the query; asked again from
            // further back, the scorer starts over (as QueryValueSource's does).
            if (doc < requested)
            {
                scorer = weight.GetScorer(context, context.AtomicReader.LiveDocs);
                at = -1;
            }
            requested = doc;
            if (scorer is null) return false;
            if (at < doc) at = scorer.Advance(doc);
            return at == doc;
        }
    }
}
