using System.Collections.Concurrent;
using System.Reflection;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// Splits Swedish compounds into their parts: välfärdsteknik → välfärd + teknik (over the linking s),
/// hemtjänstens → hem + tjänstens, energieffektiviseringsprojekt → energi + effektivisering + projekt. A part
/// counts when its stem is in the dictionary: the Snowball project's Swedish vocabulary (parts of four letters or
/// more) and a list of public-sector words (compound-parts.txt, which alone may give three-letter parts such as
/// hem and mat). Listed words are never split themselves (kommun stays kommun). Splits are remembered per word.
/// </summary>
public static class SwedishCompounds
{
    private const int MinShortPart = 3;
    private const int MinPart = 5;
    private const int MaxParts = 4;

    private static readonly HashSet<string> Stems = Load("snowball-swedish-stems.txt", stem: false);
    private static readonly HashSet<string> Listed = Load("compound-parts.txt", stem: true);
    private static readonly ConcurrentDictionary<string, (int Start, int Length)[]> Splits = new(StringComparer.Ordinal);

    /// <summary>The parts of a lower-cased word as (start, length) within it, or none when it is not a compound.</summary>
    public static (int Start, int Length)[] Split(string word)
    {
        if (word.Length < 2 * MinShortPart + 1 || word.Length > 60 || !word.All(char.IsLetter)) return [];
        if (Splits.TryGetValue(word, out var known)) return known;
        var parts = new List<(int, int)>();
        var result = Listed.Contains(SwedishAnalysis.Stem(word)) || !SplitFrom(word, 0, parts) ? [] : parts.ToArray();
        if (Splits.Count < 500_000) Splits[word] = result;
        return result;
    }

    /// <summary>The longest known head first, then the rest, which is a known word or splits again.</summary>
    private static bool SplitFrom(string word, int start, List<(int, int)> parts)
    {
        if (parts.Count >= MaxParts - 1) return false;
        for (var end = word.Length - MinShortPart; end >= start + MinShortPart; end--)
        {
            var head = word[start..end];
            var headLength = IsPart(head) ? head.Length
                : head.Length > MinShortPart && head[^1] == 's' && IsPart(head[..^1]) ? head.Length - 1     // the linking s
                : 0;
            if (headLength == 0) continue;
            var tail = word[end..];
            if (TailLength(tail) is > 0 and var tailLength)
            {
                parts.Add((start, headLength));
                parts.Add((end, tailLength));
                return true;
            }
            var before = parts.Count;
            parts.Add((start, headLength));
            if (SplitFrom(word, end, parts)) return true;
            parts.RemoveRange(before, parts.Count - before);
        }
        return false;
    }

    /// <summary>A last part may carry the word's ending; the stemmer leaves -et and -ets on (projektet, projektets).</summary>
    private static int TailLength(string text) =>
        IsPart(text) ? text.Length
        : text.EndsWith("et", StringComparison.Ordinal) && IsPart(text[..^2]) ? text.Length - 2
        : text.EndsWith("ets", StringComparison.Ordinal) && IsPart(text[..^3]) ? text.Length - 3
        : 0;

    private static bool IsPart(string text)
    {
        if (text.Length < MinShortPart) return false;
        var stem = SwedishAnalysis.Stem(text);
        return Listed.Contains(stem) || (text.Length >= MinPart && stem.Length >= MinPart && Stems.Contains(stem));
    }

    private static HashSet<string> Load(string name, bool stem)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Lessons.Infrastructure.Search.Data.{name}")
            ?? throw new InvalidOperationException($"Missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            words.Add(stem ? SwedishAnalysis.Stem(line.ToLowerInvariant()) : line);
        }
        return words;
    }

    /// <summary>Adds each compound's parts after it, at the same position and with the whole word's offsets (Lucene's
    /// compound tokens keep the offsets of the word they came from), so a match on a part marks the whole compound.</summary>
    public sealed class Filter(TokenStream input)
        : CompoundWordTokenFilterBase(SwedishAnalysis.Version, input, null, 2 * MinShortPart + 1, MinShortPart, 60, false)
    {
        protected override void Decompose()
        {
            foreach (var (start, length) in Split(m_termAtt.ToString())) m_tokens.Enqueue(new CompoundToken(this, start, length));
        }
    }
}
