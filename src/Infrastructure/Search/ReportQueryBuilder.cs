using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

using static Lessons.Infrastructure.Search.ReportDocuments;

namespace Lessons.Infrastructure.Search;

/// <summary>A composed text query: null when the text has nothing to match on (show the newest); whether it
/// scores (only exclusions do not); what to mark in titles and snippets (null: nothing); the corrected text when
/// words were misspelt.</summary>
internal sealed record TextMatch(Query? Query, bool Scored, Query? Highlight, string? Suggestion);

/// <summary>Turns what a user typed into the Lucene query that finds and ranks reports.</summary>
internal sealed class ReportQueryBuilder(Analyzer analyzer, SpellingCorrector spelling)
{
    // The synonym list changes rarely: its phrases are analysed once per version of the list, not per search.
    // Replaced whole (one reference), so concurrent searches never pair a list with another list's analysis.
    private AnalysedVocabulary analysedSynonyms = new("\u0000", []);

    /// <summary>
    /// The user's text, read by <see cref="QuerySyntax"/>, analysed by the Swedish chain and composed into a bounded
    /// query ourselves: Lucene's query parsers throw on everyday input, so they never see it. Plain words: a word the
    /// index lacks is read as a compound of words it has (<see cref="IndexCompounds"/>) or else replaced by its closest
    /// spelling in the index ("Menade du …?"); words forming a member of a
    /// synonym group (the moderators' list and the search's own <see cref="Thesaurus"/>, after stemming, so inflections
    /// count) become one concept that also matches the group's other members; a single word also matches the words
    /// derived from it or that it derives from (<see cref="SwedishDerivations"/>); one or two concepts need one match,
    /// longer queries half of them, and reports matching more of them rank higher (<see cref="CoordinationQuery"/>). Phrases must match, excluded words and phrases must not, prefixes count as words. Empty (or only stop
    /// words) matches everything.
    /// </summary>
    public TextMatch Build(string? text, IReadOnlyList<IReadOnlyList<string>> synonyms, IndexReader reader, bool membersOnlyVisible)
    {
        var clauses = QuerySyntax.Parse(text);
        var query = new BooleanQuery();
        var plainWords = string.Join(' ', clauses.Where(c => c.Kind == QuerySyntax.Kind.Words && !c.Excluded).Select(c => c.Text));
        var vocabulary = Vocabulary(synonyms);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failure = FailureIntent.Read(plainWords);
        var (plainText, suggestion) = spelling.Corrected(failure.Topic, text, vocabulary.Members, reader, membersOnlyVisible ? SpellingField : PublicSpellingField);
        SearchStages.Done(SearchStages.Spelling, started);
        bool Known(string stem) => TextFields.Any(f => f.Field != "organisation" && reader.DocFreq(new Term(f.Field, stem)) > 0);
        var concepts = Concepts([.. SwedishAnalysis.Words(analyzer, plainText).Select(w => SplitAgainstIndex(w, Known))], vocabulary, Known);
        // The failure words are one concept, however many were typed, and it may match alone: "projekt som stoppades"
        // asks for every stopped project, whether or not its report says "projekt".
        var failed = failure.AsksForFailures
            ? new FailureConcept([.. SwedishAnalysis.Words(analyzer, string.Join(' ', failure.Words)).Select(w => w.Stem).Distinct()])
            : null;
        if (failed is not null && concepts.Count < QuerySyntax.MaxClauses) concepts.Add(failed);
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
        }
        foreach (var concept in concepts) query.Add(concept, Occur.SHOULD);
        var required = query.Clauses.Count(c => c.Occur == Occur.MUST);
        if (required == 0 && concepts.Count > 0) query.MinimumNumberShouldMatch = concepts.Count <= 2 ? 1 : (concepts.Count + 1) / 2;
        if (query.Clauses.Count == 0) return new TextMatch(null, false, null, suggestion);
        var scored = required > 0 || concepts.Count > 0;
        if (!scored)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);      // only exclusions: everything else, newest first
            return new TextMatch(query, false, null, suggestion);
        }
        Query ranked = concepts.Count > 1 ? Coordinated(query) : query;
        return failed is not null
            ? new TextMatch(AskingForFailures(ranked), true, FailureForms(query), suggestion)
            : new TextMatch(ranked, true, query, suggestion);
    }


    /// <summary>
    /// The stems of the failure words (<see cref="FailureIntent"/>) that failed reports say of themselves, marked in
    /// their snippets. The Snowball stemmer leaves Swedish participles apart (misslyckats → misslyckat but
    /// misslyckades → misslyck; avbrutet, avbruten, avbröts → three stems), and reports seldom say "misslyckades" of
    /// themselves: their outcome does. So a query's failure words are one concept that matches what they say or a
    /// failed or abandoned outcome (<see cref="FailureConcept"/>), weighs less than the query's other words, and the
    /// outcome adds a fixed amount on top: enough to lift a failure above a success about the same thing, not enough
    /// to lift a failure about something else. These words are never "corrected" as misspellings.
    /// </summary>
    internal static readonly string[] FailureStems = [.. FailureIntent.MarkedForms.Select(SwedishAnalysis.Stem).Distinct()];

    private const float FailureWordWeight = 0.5f;
    private const float FailureBoost = 1.5f;

    /// <summary>What a failure query marks: what it matched, and every form of the failure words, which is what the
    /// failed reports it found by their outcome say.</summary>
    private static BooleanQuery FailureForms(Query query)
    {
        var marked = new BooleanQuery { { query, Occur.SHOULD } };
        foreach (var stem in FailureStems)
            foreach (var (field, boost) in TextFields.Where(f => f.Field != "organisation"))
                marked.Add(new TermQuery(new Term(field, stem)) { Boost = boost * FailureWordWeight }, Occur.SHOULD);
        return marked;
    }

    /// <summary>The query, with a failed or abandoned outcome adding to the score of what it matches.</summary>
    private static BooleanQuery AskingForFailures(Query text) =>
        new() { { text, Occur.MUST }, { new ConstantScoreQuery(FailedOutcome()) { Boost = FailureBoost }, Occur.SHOULD } };

    /// <summary>
    /// The query's failure words, one concept however many were typed: a word that stands alone in the title, summary or
    /// body, or a report whose outcome is failed or abandoned (the other forms of the words, which the stemmer leaves
    /// apart, are what such reports say, and are marked in their snippets; expressions such as "fungerade inte" match
    /// by the outcome only, as their words say nothing alone). A few postings lists instead of every form in every
    /// field: at a million reports, half use one of them.
    /// </summary>
    private sealed class FailureConcept : DisjunctionMaxQuery
    {
        public FailureConcept(IReadOnlyList<string> stems) : base(0.1f)
        {
            Boost = FailureWordWeight;
            foreach (var stem in stems)
                foreach (var (field, boost) in TextFields.Where(f => f.Field != "organisation"))
                    Add(new TermQuery(new Term(field, stem)) { Boost = boost });
            Add(new ConstantScoreQuery(FailedOutcome()) { Boost = FailureBoost });
        }
    }

    private static BooleanQuery FailedOutcome() => new()
    {
        { new TermQuery(new Term("outcome", "misslyckades")), Occur.SHOULD },
        { new TermQuery(new Term("outcome", "avbruten")), Occur.SHOULD },
    };

    /// <summary>
    /// The plain words as concepts: each word, or the longest run of words that is a member of a synonym group. A
    /// concept matches what the user wrote, and, weighed lower, every other member of every group the run belongs to
    /// (the moderators' list, the curated thesaurus, the general one) and the words derived from the user's words.
    /// </summary>
    private static List<Query> Concepts(List<AnalysedWord> words, AnalysedVocabulary vocabulary, Func<string, bool> known)
    {
        var concepts = new List<Query>();
        for (var i = 0; i < words.Count && concepts.Count < QuerySyntax.MaxClauses;)
        {
            var length = 0;
            foreach (var member in vocabulary.StartingWith(words[i].Stem))
                if (member.Count > length && i + member.Count <= words.Count && member.SequenceEqual(words.Skip(i).Take(member.Count).Select(w => w.Stem)))
                    length = member.Count;
            var typed = words.Skip(i).Take(Math.Max(1, length)).ToList();
            var concept = new DisjunctionMaxQuery(0.1f) { AllOf(typed) };
            if (typed.Count == 1)
                foreach (var derived in SwedishDerivations.Related(typed[0].Stem, known))
                    concept.Add(Weighed(Word(new AnalysedWord(derived, [], 0)), DerivedWeight));
            if (length > 0)
                foreach (var (other, weight) in vocabulary.Alternatives([.. typed.Select(w => w.Stem)]))
                    concept.Add(Weighed(AllOf([.. other.Select(stem => new AnalysedWord(stem, [], 0))]), weight));
            concepts.Add(concept.Disjuncts.Count == 1 ? concept.Disjuncts[0] : concept);
            i += typed.Count;
        }
        return concepts;
    }

    /// <summary>A word the index lacks, and that the splitter left whole, split into words the index has
    /// (<see cref="IndexCompounds"/>): fallsensorer matches the reports that write fall and sensor.</summary>
    private static AnalysedWord SplitAgainstIndex(AnalysedWord word, Func<string, bool> known) =>
        word.Parts.Count > 1 || IndexCompounds.Split(word.Stem, known) is not { Count: > 1 } parts
            ? word
            : word with { Parts = [.. parts] };

    /// <summary>What a word derived from the typed one counts for (measured: 0.7 on the development queries).</summary>
    private const float DerivedWeight = 0.7f;

    /// <summary>How much of a report's score depends on covering every concept (measured: 0.8 beat 0.5 and none on
    /// the development and held-out queries).</summary>
    private const float CoordinationWeight = 0.8f;

    private static Query Weighed(Query query, float weight)
    {
        query.Boost *= weight;
        return query;
    }

    /// <summary>
    /// Ranks reports that cover more of the query's concepts above reports that match fewer of them strongly: the
    /// score is multiplied by a factor that grows with the share of concepts matched (all of them: the full score).
    /// BM25 alone adds the concepts' scores, so one concept repeated in a title outweighs two concepts in the text.
    /// </summary>
    private static CoordinationQuery Coordinated(BooleanQuery query) => new(query, CoordinationWeight);

    private AnalysedVocabulary Vocabulary(IReadOnlyList<IReadOnlyList<string>> synonyms)
    {
        var key = string.Join('|', synonyms.Select(g => string.Join(',', g)));
        var cached = analysedSynonyms;
        if (cached.Key == key) return cached;
        var moderated = synonyms.Select(g => new WeightedGroup(g, Thesaurus.ModeratedWeight));
        var groups = moderated.Concat(Thesaurus.Curated).Concat(Thesaurus.General)
            .Select(g => (Members: g.Members.Select(member => (IReadOnlyList<string>)[.. SwedishAnalysis.Words(analyzer, member).Select(w => w.Stem)])
                .Where(m => m.Count > 0).ToList(), g.Weight))
            .Where(g => g.Members.Count > 1)
            .ToList();
        var analysed = new AnalysedVocabulary(key, groups);
        analysedSynonyms = analysed;
        return analysed;
    }

    /// <summary>Synonym groups analysed into stems, found by their members' first stem.</summary>
    private sealed class AnalysedVocabulary(string key, List<(List<IReadOnlyList<string>> Members, float Weight)> groups)
    {
        private readonly ILookup<string, int> byFirstStem = groups
            .SelectMany((g, index) => g.Members.Select(m => (Stem: m[0], Index: index))).Distinct().ToLookup(x => x.Stem, x => x.Index);

        public string Key { get; } = key;

        /// <summary>Every group's members, for the spelling corrector (a member is never "corrected").</summary>
        public List<List<IReadOnlyList<string>>> Members { get; } = [.. groups.Select(g => g.Members)];

        public IEnumerable<IReadOnlyList<string>> StartingWith(string stem) =>
            byFirstStem[stem].SelectMany(index => groups[index].Members).Where(m => m[0] == stem);

        /// <summary>The other members of every group holding this run of stems, each at its best weight.</summary>
        public List<(IReadOnlyList<string> Member, float Weight)> Alternatives(IReadOnlyList<string> run)
        {
            var best = new Dictionary<string, (IReadOnlyList<string> Member, float Weight)>(StringComparer.Ordinal);
            foreach (var index in byFirstStem[run[0]])
            {
                var (members, weight) = groups[index];
                if (!members.Any(m => m.SequenceEqual(run))) continue;
                foreach (var other in members.Where(m => !m.SequenceEqual(run)))
                {
                    var name = string.Join(' ', other);
                    if (!best.TryGetValue(name, out var known) || known.Weight < weight) best[name] = (other, weight);
                }
            }
            return [.. best.Values];
        }
    }

    private static Query AllOf(List<AnalysedWord> words)
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

}
