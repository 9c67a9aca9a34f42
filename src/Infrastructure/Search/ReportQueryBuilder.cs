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
    private AnalysedSynonymList analysedSynonyms = new("", []);

    /// <summary>
    /// The user's text, read by <see cref="QuerySyntax"/>, analysed by the Swedish chain and composed into a bounded
    /// query ourselves: Lucene's query parsers throw on everyday input, so they never see it. Plain words: a word the
    /// index lacks is replaced by its closest spelling in the index ("Menade du …?"); words forming a member of a
    /// synonym group (after stemming, so inflections count) become one concept that also matches the group's other
    /// members; one or two concepts need one match, longer queries half of them, and reports matching more rank
    /// higher. Phrases must match, excluded words and phrases must not, prefixes count as words. Empty (or only stop
    /// words) matches everything.
    /// </summary>
    public TextMatch Build(string? text, IReadOnlyList<IReadOnlyList<string>> synonyms, IndexReader reader, bool membersOnlyVisible)
    {
        var clauses = QuerySyntax.Parse(text);
        var query = new BooleanQuery();
        var plainWords = string.Join(' ', clauses.Where(c => c.Kind == QuerySyntax.Kind.Words && !c.Excluded).Select(c => c.Text));
        var groups = AnalysedSynonyms(synonyms);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (plainText, suggestion) = spelling.Corrected(plainWords, text, groups, reader, membersOnlyVisible ? SpellingField : PublicSpellingField);
        SearchStages.Done(SearchStages.Spelling, started);
        var concepts = Concepts(SwedishAnalysis.Words(analyzer, plainText), groups);
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
        return concepts.Any(c => c is FailureConcept)
            ? new TextMatch(AskingForFailures(query), true, FailureForms(query), suggestion)
            : new TextMatch(query, true, query, suggestion);
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
    internal static readonly string[] FailureStems = [.. new[]
    {
        "misslyckades", "misslyckats", "misslyckande", "avbröts", "avbrutet", "avbruten", "avbrutna",
        "stoppades", "nedlagd", "havererade", "fiasko",
    }.Select(SwedishAnalysis.Stem).Distinct()];

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
    private static List<Query> Concepts(List<AnalysedWord> words, List<List<IReadOnlyList<string>>> groups)
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
                i++;
                continue;
            }
            if (matched is null)
            {
                concepts.Add(Word(words[i]));
                i++;
                continue;
            }
            var concept = new DisjunctionMaxQuery(0.1f) { AllOf([.. words.Skip(i).Take(matched.Count)]) };
            foreach (var other in others!)
            {
                var alternative = AllOf([.. other.Select(stem => new AnalysedWord(stem, [], 0))]);
                alternative.Boost *= 0.9f;       // the words the user wrote weigh a little more
                concept.Add(alternative);
            }
            concepts.Add(concept);
            i += matched.Count;
        }
        return concepts;
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

}
