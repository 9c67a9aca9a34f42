using Lessons.Application.Common.Ports;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Lessons.Infrastructure.Search;

/// <summary>The searched words marked in a hit's title and in the sentences of its text that contain them.</summary>
internal sealed class ReportHighlighter(Analyzer analyzer)
{
    /// <summary>Up to two sentences of the text that contain a searched word, with those words marked. The text is
    /// analysed by the same chain (so "upphandlingar" is marked for "upphandling", and "välfärdsteknik" for
    /// "teknik") and only as far as the second such sentence.</summary>
    public List<MarkedText> Snippets(string text, HashSet<string> wanted)
    {
        var snippets = new List<MarkedText>();
        var (sentenceStart, sentenceEnd) = (0, SentenceEnd(text, 0));
        var marks = new List<TextMark>();
        foreach (var match in Matches("body", text, wanted))
        {
            if (match.Start >= sentenceEnd)
            {
                if (marks.Count > 0) snippets.Add(Snippet(text, sentenceStart, sentenceEnd, marks));
                if (snippets.Count == 2) return snippets;
                marks.Clear();
                while (match.Start >= sentenceEnd) (sentenceStart, sentenceEnd) = (sentenceEnd, SentenceEnd(text, sentenceEnd));
            }
            marks.Add(match);
        }
        if (marks.Count > 0) snippets.Add(Snippet(text, sentenceStart, sentenceEnd, marks));
        return snippets;
    }

    /// <summary>Where the text has a searched word, in order, analysed lazily (a caller that stops early stops the analysis).</summary>
    public IEnumerable<TextMark> Matches(string field, string text, HashSet<string> wanted)
    {
        if (wanted.Count == 0) yield break;
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            if (wanted.Contains(term.ToString())) yield return new TextMark(offset.StartOffset, offset.EndOffset - offset.StartOffset);
        stream.End();
    }

    private static int SentenceEnd(string text, int from)
    {
        var end = text.IndexOfAny(['.', '\n', '!', '?'], from);
        return end < 0 ? text.Length : end + 1;
    }

    /// <summary>One sentence, trimmed (and cut at 240 characters), with its marks moved to its own positions.</summary>
    private static MarkedText Snippet(string text, int start, int end, List<TextMark> marks)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '-')) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var cut = end - start > 240;
        if (cut) end = start + 240;
        var sentence = text[start..end];
        if (cut) sentence += "…";
        else if (sentence.Length > 0 && sentence[^1] is not ('.' or '!' or '?')) sentence += ".";
        return new MarkedText(sentence, Merged([.. marks.Where(m => m.Start >= start && m.Start + m.Length <= end)
            .Select(m => new TextMark(m.Start - start, m.Length))]));
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
}
