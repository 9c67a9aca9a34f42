namespace Lessons.Domain.Taxonomy;

/// <summary>One entry of a controlled list: the value in code, its contract key (stored and exchanged) and the labels.</summary>
public sealed record Term<T>(T Value, string Key, string Label, string LabelEn) where T : notnull;

public sealed class TermList<T> where T : notnull
{
    private readonly Dictionary<string, Term<T>> byKey;
    private readonly Dictionary<T, Term<T>> byValue;

    public TermList(string name, IReadOnlyList<Term<T>> terms)
    {
        Name = name;
        All = terms;
        byKey = terms.ToDictionary(t => t.Key, StringComparer.Ordinal);
        byValue = terms.ToDictionary(t => t.Value);
    }

    /// <summary>The list's name in the contract (for example <c>outcome</c>).</summary>
    public string Name { get; }

    public IReadOnlyList<Term<T>> All { get; }

    public IEnumerable<string> Keys => All.Select(t => t.Key);

    public bool IsKey(string? key) => key is not null && byKey.ContainsKey(key);

    public bool TryParse(string? key, out T value)
    {
        if (key is not null && byKey.TryGetValue(key, out var term))
        {
            value = term.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public T Parse(string key) =>
        TryParse(key, out var value) ? value : throw new DomainRuleException($"Okänt värde \"{key}\" för {Name}.", Name);

    public string Key(T value) => byValue[value].Key;

    public string Label(T value) => byValue[value].Label;

    public string LabelOfKey(string key) => byKey.TryGetValue(key, out var term) ? term.Label : key;

    /// <summary>The label in <paramref name="language"/> (<see cref="LanguageCodes"/>), for mails read in English.</summary>
    public string Label(T value, string language) =>
        language == LanguageCodes.English ? byValue[value].LabelEn : byValue[value].Label;

    public string LabelOfKey(string key, string language) =>
        !byKey.TryGetValue(key, out var term) ? key : language == LanguageCodes.English ? term.LabelEn : term.Label;
}
