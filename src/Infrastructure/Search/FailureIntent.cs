namespace Lessons.Infrastructure.Search;

/// <summary>
/// Whether a typed text asks what went wrong ("upphandlingar som misslyckades", "appen som lades ner", "problem med
/// schemat", "e-tjänsten fungerade inte"), and which of its words say so. Those words are the question, not the topic:
/// reports seldom call themselves failures, their outcome does, and half of the expressions are made of words the
/// analysis drops or that mean nothing alone ("inte" is a stop word; "fungerade" alone is a success). So they are read
/// from the words as typed, before analysis and spelling, and taken out of the topic words.
/// Written from general Swedish: the verbs and participles of stopping, abandoning and failing, a success verb with a
/// negation beside it, and the nouns of trouble. Broad words of the field (brist alone: a shortage is a topic;
/// avveckling alone: retiring an old system is planned work) are left out.
/// </summary>
internal static class FailureIntent
{
    /// <summary>What was found: the topic words left, and the failure words that stand alone (their stems may also be
    /// matched in the reports' text), or none when the text does not ask for failures.</summary>
    public sealed record Reading(string Topic, IReadOnlyList<string> Words, bool AsksForFailures);

    /// <summary>Beginnings of words that always say failure or abandonment, in every inflection.</summary>
    private static readonly string[] Prefixes =
    [
        "misslyck", "avbrut", "avbröt", "avbryt", "nedlag", "nedlägg", "haver", "fiask", "skrota", "felsatsning",
        "bakslag", "motgång", "fallera", "floppa",
    ];

    /// <summary>Whole words that say it (participles and passives: the noun or the active verb is often planned work).</summary>
    private static readonly HashSet<string> Forms = new(StringComparer.Ordinal)
    {
        "stoppades", "stoppad", "stoppat", "stoppats", "stoppade", "stoppas",
        "avvecklades", "avvecklad", "avvecklat", "avvecklats", "avvecklade", "avvecklas",
        "övergavs", "övergiven", "övergivet", "övergivna",
        "pausades", "pausad", "pausat", "pausats",
        "strandade", "strandat", "kollapsade", "kollapsat", "sprack",
        "uteblev", "utebliven", "uteblivet", "uteblivna", "uteblivande",
        "problem", "problemen", "problemet", "problems", "problematisk", "problematiska", "problematiskt",
        "brister", "bristerna", "bristande", "svårigheter", "svårigheterna", "tillkortakommanden",
        "flopp", "floppen",
    };

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "inte", "ej", "icke", "aldrig" };

    /// <summary>Verbs of things working out: with a negation beside them (either side), the two say failure.</summary>
    private static readonly HashSet<string> Working = new(StringComparer.Ordinal)
    {
        "fungera", "fungerar", "fungerade", "fungerat", "funka", "funkar", "funkade", "funkat",
        "lyckas", "lyckades", "lyckats", "lyckad", "lyckade", "lyckat",
        "gick", "går", "gått", "blev", "blir", "nådde", "når", "nått", "gav", "ger", "gett", "gjorde",
        "räckte", "räcker", "höll", "hölls", "användes", "används", "infördes", "genomfördes", "kom",
    };

    /// <summary>Expressions of several words: each position lists the words it may be.</summary>
    private static readonly string[][][] Expressions =
    [
        [["lades", "lagts", "lagt", "lade", "la", "läggas", "lägga", "lagd", "lagda"], ["ner", "ned"]],
        [["lades", "lagts", "lagt", "lade", "la", "läggas", "lagd", "lagda"], ["på"], ["is"]],
        [["gick", "gått", "går", "blev", "blivit"], ["fel", "snett"]],
        [["gick", "gått"], ["i"], ["stöpet", "kras"]],
        [["gick", "gått", "rann", "runnit"], ["ut", "om"], ["i", "intet"]],
        [["rann", "runnit"], ["ut"], ["i"], ["sanden"]],
        [["gav", "gavs"], ["upp"]],
        [["i"], ["förtid"]],
        [["ingen", "inga", "utan"], ["effekt", "effekter", "resultat", "nytta"]],
        [["dåliga", "dålig", "negativa", "negativ"], ["erfarenheter", "erfarenhet"]],
    ];

    /// <summary>The failure words of a text of plain words, and the text without them.</summary>
    public static Reading Read(string plainWords)
    {
        var words = plainWords.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var typed = words.Select(w => w.Trim('.', ',', ';', ':', '!', '?', '(', ')').ToLowerInvariant()).ToArray();
        var failure = new bool[words.Length];
        var alone = new List<string>();
        for (var i = 0; i < typed.Length; i++)
        {
            if (Prefixes.Any(p => typed[i].StartsWith(p, StringComparison.Ordinal)) || Forms.Contains(typed[i]))
            {
                failure[i] = true;
                alone.Add(typed[i]);
            }
            else if (Negations.Contains(typed[i]))
            {
                // "fungerade inte", "inte fungerade", "lyckades aldrig", "gick den inte"
                foreach (var j in new[] { i - 1, i + 1, i - 2 })
                    if (j >= 0 && j < typed.Length && Working.Contains(typed[j]))
                    {
                        failure[i] = failure[j] = true;
                        break;
                    }
            }
            foreach (var expression in Expressions)
                if (i + expression.Length <= typed.Length && expression.Select((choices, k) => choices.Contains(typed[i + k])).All(x => x))
                    for (var k = 0; k < expression.Length; k++) failure[i + k] = true;
        }
        if (!failure.Any(f => f)) return new Reading(plainWords, [], false);
        return new Reading(string.Join(' ', words.Where((_, i) => !failure[i])), alone, true);
    }

    /// <summary>The single-word failure forms, for marking what failed reports say in their snippets.</summary>
    public static readonly string[] MarkedForms =
    [
        "misslyckades", "misslyckats", "misslyckad", "misslyckande", "avbröts", "avbrutet", "avbruten", "avbrutna",
        "avbröt", "stoppades", "nedlagd", "nedlagt", "havererade", "fiasko", "skrotades", "avvecklades", "avvecklas",
        "övergavs", "uteblev", "problem", "brister",
    ];
}
