namespace Lessons.Infrastructure.Search;

/// <summary>
/// Swedish words and the words they derive from, on Snowball stems. The stemmer already joins the endings it strips
/// (-ande, -are, -else, -het, -lig: planerande, upplevelse, möjlighet), but it keeps the action nouns apart from their
/// verbs: upphandling stays upphandling while upphandla, upphandlade become upphandl; förbrukning and förbruka,
/// samverkan and samverka, organisation and organisera likewise. A stem's relatives are those forms, kept only when
/// the index holds them, so a one-word query about a theme also finds the reports that use the other form.
/// </summary>
internal static class SwedishDerivations
{
    private const int MinBase = 4;

    /// <summary>(ending of the derived noun's stem, what the verb's stem ends with instead)</summary>
    private static readonly (string Noun, string Verb)[] Endings =
    [
        ("ning", ""),       // förbrukning ↔ förbruk(a), planering ↔ planer(a) via -ing
        ("ing", ""),        // upphandling ↔ upphandl(a), automatisering ↔ automatiser(a)
        ("an", ""),         // samverkan ↔ samverk(a), ansökan ↔ ansök(a)
        ("ation", "er"),    // organisation ↔ organiser(a), innovation ↔ innover(a)
    ];

    /// <summary>The stems derived from this one or that it derives from, which <paramref name="known"/> accepts.</summary>
    public static IReadOnlyList<string> Related(string stem, Func<string, bool> known)
    {
        if (stem.Length < MinBase + 2 || !stem.All(char.IsLetter)) return [];
        var related = new List<string>();
        void Consider(string candidate)
        {
            if (candidate != stem && candidate.Length >= MinBase && !related.Contains(candidate) && known(candidate)) related.Add(candidate);
        }
        foreach (var (noun, verb) in Endings)
        {
            if (stem.EndsWith(noun, StringComparison.Ordinal)) Consider(stem[..^noun.Length] + verb);
            if (verb.Length == 0 || stem.EndsWith(verb, StringComparison.Ordinal)) Consider(stem[..^verb.Length] + noun);
        }
        return related;
    }
}
