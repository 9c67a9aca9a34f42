namespace Lessons.Infrastructure.Search;

/// <summary>
/// A query word the index has never seen, read as a compound of words it has: fallsensorer → fall + sensor. The
/// index-time splitter (<see cref="SwedishCompounds"/>) knows only its dictionary, which leaves short or uncommon
/// heads whole (fall, skol), so a compound the reports never write finds nothing and was "corrected" into an unrelated
/// word. Here the parts are the index's own stems: the reports that write the parts, together or apart, are found.
/// </summary>
internal static class IndexCompounds
{
    /// <summary>Four letters at least: three-letter stems (hem, led, bil) would split typos into words by chance.</summary>
    private const int MinPart = 4;
    private const int MaxParts = 3;

    /// <summary>The stems of the parts of an unknown stem, each accepted by <paramref name="known"/>, longest head first;
    /// none when it does not split into known words. A head may carry the linking s (trafiksäkerhet: trafik + s) or an
    /// e or a for which the stemmer strips (skolmat: skol is the stem of skola).</summary>
    public static IReadOnlyList<string> Split(string stem, Func<string, bool> known)
    {
        if (stem.Length < 2 * MinPart || stem.Length > 60 || !stem.All(char.IsLetter) || known(stem)) return [];
        var parts = new List<string>();
        return SplitFrom(stem, 0, parts, known) ? parts : [];
    }

    private static bool SplitFrom(string stem, int start, List<string> parts, Func<string, bool> known)
    {
        if (parts.Count >= MaxParts) return false;
        var tail = stem[start..];
        if (parts.Count > 0 && tail.Length >= MinPart && known(tail))
        {
            parts.Add(tail);
            return true;
        }
        for (var end = stem.Length - MinPart; end >= start + MinPart; end--)
        {
            if (Head(stem[start..end], known) is not { } head) continue;
            parts.Add(head);
            if (SplitFrom(stem, end, parts, known)) return true;
            parts.RemoveAt(parts.Count - 1);
        }
        return false;
    }

    private static string? Head(string text, Func<string, bool> known)
    {
        if (known(text)) return text;
        if (text.Length > MinPart && text[^1] == 's' && known(text[..^1])) return text[..^1];      // the linking s
        var stem = SwedishAnalysis.Stem(text);
        return stem.Length >= MinPart && stem != text && known(stem) ? stem : null;
    }
}
