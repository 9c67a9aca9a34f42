using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

using static Lessons.Infrastructure.Search.ReportDocuments;

namespace Lessons.Infrastructure.Search;

/// <summary>"Menade du …?": words the index has never seen, replaced by the closest word the reports use.</summary>
internal sealed class SpellingCorrector(Analyzer analyzer, Analyzer plain)
{
    /// <summary>
    /// The plain words with each word the index has never seen ("välfärdstenik") replaced by the closest word the
    /// reports use (one edit for short words, two for long; a transposition is one), found in the index's own
    /// vocabulary of words as written. Returns the text to search and, when anything changed, the user's whole
    /// query with the corrections, for "Menade du …?".
    /// </summary>
    public (string Text, string? Suggestion) Corrected(string plainText, string? original, List<List<IReadOnlyList<string>>> synonyms,
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
            if (analysed.Count != 1 || Known(analysed[0].Stem) || ReportQueryBuilder.FailureStems.Contains(analysed[0].Stem) || synonyms.Any(g => g.Any(m => m.Contains(analysed[0].Stem)))
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
}
