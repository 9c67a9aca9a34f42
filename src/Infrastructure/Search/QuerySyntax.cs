using System.Text;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// The little syntax a search box takes: <c>"a phrase"</c>, <c>prefix*</c> and <c>-excluded</c> (a word or a phrase);
/// everything else is plain words. Any text is accepted: control characters, stray quotes and operators, field names
/// and other query-parser syntax are read as plain words (a quote without its pair is dropped), so no input fails.
/// </summary>
public static class QuerySyntax
{
    public const int MaxLength = 1000;
    public const int MaxClauses = 32;

    public enum Kind { Words, Phrase, Prefix }

    public sealed record Clause(Kind Kind, string Text, bool Excluded = false);

    public static List<Clause> Parse(string? text)
    {
        var clauses = new List<Clause>();
        if (string.IsNullOrWhiteSpace(text)) return clauses;
        var input = Clean(text);
        var i = 0;
        while (i < input.Length && clauses.Count < MaxClauses)
        {
            if (char.IsWhiteSpace(input[i])) { i++; continue; }
            var excluded = input[i] == '-' && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]) && input[i + 1] != '-';
            if (excluded) i++;
            if (input[i] == '"')
            {
                var close = input.IndexOf('"', i + 1);
                if (close < 0) { i++; continue; }     // a quote without its pair: the words after it are plain words
                var phrase = input[(i + 1)..close];
                if (!string.IsNullOrWhiteSpace(phrase)) clauses.Add(new(Kind.Phrase, phrase, excluded));
                i = close + 1;
                continue;
            }
            var start = i;
            while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] != '"') i++;
            var word = input[start..i];
            var stem = word.TrimEnd('*');
            if (!excluded && word.EndsWith('*') && stem.Count(char.IsLetterOrDigit) >= 2 && !stem.Contains('*'))
                clauses.Add(new(Kind.Prefix, stem));
            else if (word.Any(char.IsLetterOrDigit))
                clauses.Add(new(Kind.Words, word, excluded));
        }
        return clauses;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
            builder.Append(c switch
            {
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                _ when char.IsControl(c) || char.IsSurrogate(c) => ' ',
                _ => c,
            });
        return builder.ToString();
    }
}
