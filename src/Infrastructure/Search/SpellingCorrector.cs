using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

using static Lessons.Infrastructure.Search.ReportDocuments;

namespace Lessons.Infrastructure.Search;

/// <summary>"Menade du …?": words the index has never seen, replaced by the closest word the reports use.</summary>
internal sealed class SpellingCorrector(Analyzer analyzer, Analyzer plain)
{
    /// <summary>
    /// The plain words with each word the index has never seen ("välfärdstenik") replaced by the closest word the
    /// reports use (one edit for short words, two for long; a transposition is one), found in the index's own
    /// vocabulary of words as written. A word typed without its diacritics (hemtjanst, as on a foreign keyboard)
    /// is first looked for as such (<see cref="Unfolded"/>): that is surer than any other correction. A word that splits into
    /// words the index has (fallsensorer: fall + sensor, <see cref="IndexCompounds"/>) is searched as those, not corrected. Returns the text
    /// to search and, when anything changed, the user's whole query with the corrections, for "Menade du …?".
    /// </summary>
    public (string Text, string? Suggestion) Corrected(string plainText, string? original, List<List<IReadOnlyList<string>>> synonyms,
        IndexReader reader, string spellingField)
    {
        var spelling = MultiFields.GetTerms(reader, spellingField);
        if (spelling is null || plainText.Length == 0) return (plainText, null);
        bool Known(string stem) => TextFields.Any(f => reader.DocFreq(new Term(f.Field, stem)) > 0);
        bool InText(string stem) => TextFields.Any(f => f.Field != "organisation" && reader.DocFreq(new Term(f.Field, stem)) > 0);
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in SwedishAnalysis.Terms(plain, SpellingField, plainText).Distinct().Take(QuerySyntax.MaxClauses))
        {
            if (word.Length < 4 || !word.All(char.IsLetter) || corrections.ContainsKey(word)) continue;
            var analysed = SwedishAnalysis.Words(analyzer, word);
            if (analysed.Count != 1 || Known(analysed[0].Stem) || ReportQueryBuilder.FailureStems.Contains(analysed[0].Stem) || synonyms.Any(g => g.Any(m => m.Contains(analysed[0].Stem)))
                || (analysed[0].Parts.Count > 1 && analysed[0].Parts.All(Known))) continue;     // known, a synonym, or a compound of known parts
            if (Unfolded(reader, spelling, word, analysed[0].Stem) is { } unfolded) corrections[word] = unfolded;
            else if (IndexCompounds.Split(analysed[0].Stem, InText).Count > 1) continue;    // a compound of the index's words
            else if (Closest(spelling, spellingField, word) is { } closest) corrections[word] = closest;
        }
        if (corrections.Count == 0) return (plainText, null);
        string Fix(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\w+",
            m => corrections.TryGetValue(m.Value.ToLowerInvariant(), out var c) ? c : m.Value);
        return (Fix(plainText), Fix(original ?? ""));
    }

    /// <summary>
    /// The word with the diacritics it was typed without: a stem of the index that differs from the word's stem only
    /// by å, ä, ö (or é, ü), in any text field, the most used if several, and that a report visible to the searcher
    /// writes (the stems are of every report). The word's ending is kept: hemtjansten → hemtjänsten.
    /// </summary>
    internal static string? Unfolded(IndexReader reader, Terms spelling, string word, string stem)
    {
        if (!word.StartsWith(stem, StringComparison.Ordinal)) return null;
        // One walk of each field's terms along an automaton of the stem's letters, each with the letters it folds
        // with (a: a, å, ä, à, á, æ): only the spellings that fold to the stem are visited, where a fuzzy search of two
        // edits (its automaton built anew for every word) visited every stem within two edits of it in four fields.
        var automaton = new CompiledAutomaton(BasicOperations.Concatenate([.. stem.Select(c => BasicOperations.Union([.. Folding(c).Select(BasicAutomata.MakeChar)]))]));
        (string Stem, int Reports)? best = null;
        foreach (var (field, _) in TextFields)
        {
            if (MultiFields.GetTerms(reader, field) is not { } stems) continue;
            var candidates = automaton.GetTermsEnum(stems);
            while (candidates.MoveNext())
            {
                var candidate = candidates.Term.Utf8ToString();
                // At most two letters changed, as the fuzzy search this replaces allowed.
                if (candidate.Length != stem.Length || candidate == stem || candidate.Where((c, i) => c != stem[i]).Count() > 2) continue;
                if ((best is null || candidates.DocFreq > best.Value.Reports) && Written(spelling, candidate)) best = (candidate, candidates.DocFreq);
            }
        }
        return best is { } b ? b.Stem + word[stem.Length..] : null;
    }

    /// <summary>The letters that fold with this one (itself included).</summary>
    private static IEnumerable<int> Folding(char letter)
    {
        var folded = Fold(letter.ToString());
        return FoldedLetters.Where(c => Fold(c.ToString()) == folded).Append(letter).Distinct().Select(c => (int)c);
    }

    private const string FoldedLetters = "aåäàáæoöøóeéèëuü";

    /// <summary>Whether a word as written in the spelling field has this stem.</summary>
    private static bool Written(Terms spelling, string stem)
    {
        var words = spelling.GetEnumerator();
        if (words.SeekCeil(new BytesRef(stem)) == TermsEnum.SeekStatus.END) return false;
        for (var i = 0; i < 50; i++)
        {
            var word = words.Term.Utf8ToString();
            if (!word.StartsWith(stem, StringComparison.Ordinal)) return false;
            if (SwedishAnalysis.Stem(word) == stem) return true;
            if (!words.MoveNext()) return false;
        }
        return false;
    }

    internal static string Fold(string word) => string.Create(word.Length, word, (chars, w) =>
    {
        for (var i = 0; i < w.Length; i++)
            chars[i] = w[i] switch { 'å' or 'ä' or 'à' or 'á' or 'æ' => 'a', 'ö' or 'ø' or 'ó' => 'o', 'é' or 'è' or 'ë' => 'e', 'ü' => 'u', var c => c };
    });

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
