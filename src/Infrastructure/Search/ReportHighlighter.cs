using Lessons.Application.Common.Ports;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// The searched words marked in a hit's title and in the best sentences of its text, by Lucene's highlighter: the
/// marks come from the query that found the report, so a prefix marks the words it matched, a phrase's words are
/// marked only where they stand as the phrase, and synonyms and compound parts are marked as the query matched
/// them. The text is analysed by the same chain as the index (upphandlingar is marked for upphandling); a
/// compound's parts carry the compound's offsets (Lucene 4.4 on), so a compound is marked whole when the query
/// matched one of its parts (innovationsupphandlingen for upphandling).
/// </summary>
internal sealed class ReportHighlighter(Analyzer analyzer)
{
    private const int MaxSnippets = 2;
    private const int MaxSnippetLength = 240;

    // The formatter wraps each matched word in these; they never occur in the text (replaced before analysis).
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    /// <summary>Up to two sentences of the text, the best first (those matching most of the query's words, the
    /// earlier on a tie), each with the words the query matched marked.</summary>
    public IReadOnlyList<MarkedText> Snippets(Query? query, string text) => Prepare(query).Snippets(text);

    /// <summary>The title with the words the query matched marked.</summary>
    public MarkedText Title(Query? query, string title) => Prepare(query).Title(title);

    /// <summary>What marking a page's hits for one query needs once: the words to mark in each field, when they do
    /// not depend on the text (no phrase, no prefix), are taken from the query once rather than for every hit.</summary>
    public Marking Prepare(Query? query) => new(this, query);

    /// <summary>The marks of one query, for every hit of its page (from any thread).</summary>
    public sealed class Marking
    {
        private readonly ReportHighlighter highlighter;
        private readonly Query? query;
        private readonly IDictionary<string, WeightedSpanTerm>? titleTerms;
        private readonly IDictionary<string, WeightedSpanTerm>? bodyTerms;

        internal Marking(ReportHighlighter highlighter, Query? query)
        {
            this.highlighter = highlighter;
            this.query = query;
            if (query is null) return;
            titleTerms = TermsAlone(query, "title");
            bodyTerms = TermsAlone(query, "body");
        }

        /// <summary>Up to two sentences of the text, the best first, each with the words the query matched marked.</summary>
        public IReadOnlyList<MarkedText> Snippets(string text) => query is null ? [] : highlighter.Snippets(query, bodyTerms, text);

        /// <summary>The title with the words the query matched marked.</summary>
        public MarkedText Title(string title) => query is null ? new MarkedText(title, []) : highlighter.Title(query, titleTerms, title);
    }

    /// <summary>
    /// The words of a field the query marks, with their weights, as Lucene's <see cref="QueryScorer"/> takes them from
    /// the query for each text; null when they depend on the text (a phrase's words count only where they stand as
    /// the phrase, a prefix's words are those of the text it matches), which the extractor shows by reading the text.
    /// </summary>
    private static IDictionary<string, WeightedSpanTerm>? TermsAlone(Query query, string field)
    {
        var extractor = new WeightedSpanTermExtractor { ExpandMultiTermQuery = true };
        using var nothing = new Lucene.Net.Analysis.Miscellaneous.EmptyTokenStream();
        nothing.AddAttribute<ICharTermAttribute>();       // what the extractor reads a text with, were it to
        nothing.AddAttribute<IOffsetAttribute>();
        nothing.AddAttribute<IPositionIncrementAttribute>();
        var terms = extractor.GetWeightedSpanTerms(query, nothing, field);
        return extractor.IsCachedTokenStream ? null : terms;
    }

    private IReadOnlyList<MarkedText> Snippets(Query query, IDictionary<string, WeightedSpanTerm>? terms, string text)
    {
        if (text.Length == 0) return [];
        text = Clean(text);
        var sentences = new SentenceFragmenter();
        var fragments = Highlight(query, terms, "body", text, sentences, SentenceFragmenter.MaxFragments(text));
        // Every fragment is returned, so their texts laid end to end are the whole text: each one's place in it is
        // the length of those before it, without the marks.
        var ordered = fragments.Where(f => f is not null).OrderBy(f => f.FragNum).ToList();
        if (ordered.Count == 0 || ordered[^1].FragNum != ordered.Count - 1) return [];
        var pieces = new List<(float Score, int Number, int Start, int End, List<TextMark> Marks)>();
        var at = 0;
        foreach (var fragment in ordered)
        {
            var (plain, marks) = Parse(fragment.ToString(), at);
            pieces.Add((fragment.Score, fragment.FragNum, at, at + plain, marks));
            at += plain;
        }
        return [.. pieces.Where(p => p.Score > 0 && p.Marks.Count > 0)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Number)
            .Take(MaxSnippets)
            .Select(p => Snippet(text, p.Number == 0 ? 0 : AfterSentenceEnd(text, p.Start, p.End), p.End, p.Marks))];
    }

    private MarkedText Title(Query query, IDictionary<string, WeightedSpanTerm>? terms, string title)
    {
        if (title.Length == 0) return new MarkedText(title, []);
        title = Clean(title);
        var fragment = Highlight(query, terms, "title", title, new NullFragmenter(), 1).FirstOrDefault(f => f is not null);
        if (fragment is null) return new MarkedText(title, []);
        var (_, marks) = Parse(fragment.ToString(), 0);
        return new MarkedText(title, Merged(marks));
    }

    private TextFragment[] Highlight(Query query, IDictionary<string, WeightedSpanTerm>? terms, string field, string text, IFragmenter fragmenter, int fragments)
    {
        IScorer scorer = terms is null ? new QueryScorer(query, field) : new FixedTermsScorer(terms);
        var highlighter = new Highlighter(new Marker(), scorer) { TextFragmenter = fragmenter };
        // The highlighter ends and disposes the stream itself.
        var stream = analyzer.GetTokenStream(field, text);
        try
        {
            return highlighter.GetBestTextFragments(stream, text, false, fragments);
        }
        catch (InvalidTokenOffsetsException)
        {
            return [];
        }
    }

    private static string Clean(string text) => text.Replace(Open, ' ').Replace(Close, ' ');

    /// <summary>A fragment's length without its marks, and the marks as ranges of the whole text (from <paramref name="offset"/>).</summary>
    private static (int Length, List<TextMark> Marks) Parse(string marked, int offset)
    {
        var marks = new List<TextMark>();
        var length = 0;
        var open = -1;
        foreach (var c in marked)
        {
            if (c == Open) open = length;
            else if (c == Close && open >= 0)
            {
                if (length > open) marks.Add(new TextMark(offset + open, length - open));
                open = -1;
            }
            else length++;
        }
        return (length, marks);
    }

    /// <summary>Where a fragment's sentence begins: a fragment begins where the previous one's last word ended, so
    /// the rest of the previous sentence (its full stop, and stop words, which the highlighter does not see) is left out.</summary>
    private static int AfterSentenceEnd(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (SentenceFragmenter.EndsSentence(text, i)) return i + 1;
        return start;
    }

    /// <summary>One sentence, trimmed (and cut at 240 characters), with its marks moved to its own positions. A
    /// fragment ends with its last word: the rest of its sentence, up to and with its full stop, is taken in.</summary>
    private static MarkedText Snippet(string text, int start, int end, List<TextMark> marks)
    {
        while (start < end && !char.IsLetterOrDigit(text[start]) && text[start] is not ('"' or '(' or '«' or '”')) start++;
        for (var i = end; i < text.Length; i++)
        {
            if (!SentenceFragmenter.EndsSentence(text, i)) continue;
            end = text[i] == '\n' ? i : i + 1;
            break;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var lead = "";
        if (end - start > MaxSnippetLength && marks.Count > 0 && marks[0].Start + marks[0].Length > start + MaxSnippetLength)
        {
            // A long sentence whose first mark lies past the cut: begin at a word shortly before the mark instead.
            start = Math.Max(start, marks[0].Start - 60);
            while (start < marks[0].Start && start > 0 && char.IsLetterOrDigit(text[start - 1])) start++;
            lead = "…";
        }
        var cut = end - start > MaxSnippetLength;
        if (cut) end = start + MaxSnippetLength;
        var sentence = lead + text[start..end];
        if (cut) sentence += "…";
        else if (sentence.Length > 0 && sentence[^1] is not ('.' or '!' or '?')) sentence += ".";
        return new MarkedText(sentence, Merged([.. marks.Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => new TextMark(m.Start - start + lead.Length, m.Length))]));
    }

    /// <summary>Marks in order without overlaps (a compound and its parts mark the same letters).</summary>
    public static List<TextMark> Merged(List<TextMark> marks)
    {
        var merged = new List<TextMark>();
        foreach (var mark in marks.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && mark.Start < merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = new TextMark(last.Start, Math.Max(last.Start + last.Length, mark.Start + mark.Length) - last.Start);
            }
            else merged.Add(mark);
        }
        return merged;
    }

    /// <summary>
    /// <see cref="QueryScorer"/> with its words given: a fragment scores the weights of the distinct words it holds,
    /// a word the weight it has, exactly as QueryScorer does with the words it extracts from a query without phrases
    /// or prefixes (its constructor that takes words keeps the heaviest of a repeated word, not the last, so it is
    /// not used).
    /// </summary>
    private sealed class FixedTermsScorer(IDictionary<string, WeightedSpanTerm> terms) : IScorer
    {
        private ICharTermAttribute? term;
        private HashSet<string> found = new(StringComparer.Ordinal);

        public float FragmentScore { get; private set; }

        public TokenStream? Init(TokenStream tokenStream)
        {
            term = tokenStream.AddAttribute<ICharTermAttribute>();
            return null;
        }

        public void StartFragment(TextFragment newFragment)
        {
            found = new HashSet<string>(StringComparer.Ordinal);
            FragmentScore = 0;
        }

        public float GetTokenScore()
        {
            var text = term!.ToString();
            if (!terms.TryGetValue(text, out var weighted) || weighted is null) return 0;
            if (found.Add(text)) FragmentScore += weighted.Weight;
            return weighted.Weight;
        }
    }

    /// <summary>Wraps each word the query matched in the marks that <see cref="Parse"/> reads.</summary>
    private sealed class Marker : IFormatter
    {
        public string HighlightTerm(string originalText, TokenGroup tokenGroup) =>
            tokenGroup.TotalScore > 0 ? Open + originalText + Close : originalText;
    }

    /// <summary>One fragment per sentence: a new one starts at the first word after a full stop, question or
    /// exclamation mark followed by a space, or a line break. Stop words are not in the stream, so the gap between
    /// two words seen is what is searched.</summary>
    private sealed class SentenceFragmenter : IFragmenter
    {
        private string text = "";
        private IOffsetAttribute? offset;
        private int lastStart;

        public static bool EndsSentence(string text, int i) =>
            i >= 0 && i < text.Length && (text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))));

        /// <summary>At most one fragment per sentence end, and one more.</summary>
        public static int MaxFragments(string text)
        {
            var ends = 0;
            for (var i = 0; i < text.Length; i++) if (EndsSentence(text, i)) ends++;
            return ends + 2;
        }

        public void Start(string originalText, TokenStream tokenStream)
        {
            text = originalText;
            offset = tokenStream.AddAttribute<IOffsetAttribute>();
            lastStart = 0;
            while (lastStart < text.Length && !char.IsLetterOrDigit(text[lastStart])) lastStart++;
        }

        public bool IsNewFragment()
        {
            var start = offset!.StartOffset;
            // From the previous group's first word (a compound covers its parts): past that word, any sentence end
            // before this one starts a new fragment.
            var from = lastStart;
            while (from < start && char.IsLetterOrDigit(text[from])) from++;
            lastStart = start;
            for (var i = from; i < start; i++)
                if (EndsSentence(text, i)) return true;
            return false;
        }
    }
}
