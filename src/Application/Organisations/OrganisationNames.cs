using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Lessons.Domain.Taxonomy;

namespace Lessons.Application.Organisations;

/// <summary>
/// How Swedish public organisations are named in practice. SCB lists municipalities by short name ("Falun",
/// "Göteborg"); people write "Falu kommun", "Göteborgs Stad", "Stockholms stad" or just "Nacka". Matching these
/// forms is what keeps an import from creating a second Nacka.
/// </summary>
public static partial class OrganisationNames
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    // Genitive forms that do not follow the rule "add -s unless the name ends in a vowel, s, x or z", as the
    // municipalities write them, and as the district courts named after the towns do ("Falu tingsrätt", "Kalmar tingsrätt").
    private static readonly Dictionary<string, string> IrregularGenitive = new(StringComparer.Ordinal)
    {
        ["falun"] = "falu",
        ["kalmar"] = "kalmar",
    };

    // Municipalities that call themselves "stad", spelled as they do.
    private static readonly Dictionary<string, string> Cities = new(StringComparer.Ordinal)
    {
        ["Stockholm"] = "Stockholms stad", ["Göteborg"] = "Göteborgs Stad", ["Malmö"] = "Malmö stad",
        ["Borås"] = "Borås Stad", ["Helsingborg"] = "Helsingborgs stad", ["Lidingö"] = "Lidingö stad",
        ["Mölndal"] = "Mölndals stad", ["Solna"] = "Solna stad", ["Sundbyberg"] = "Sundbybergs stad",
        ["Trollhättan"] = "Trollhättans Stad", ["Vaxholm"] = "Vaxholms stad", ["Västerås"] = "Västerås stad",
        ["Landskrona"] = "Landskrona stad", ["Haparanda"] = "Haparanda stad",
    };

    /// <summary>The name a municipality goes by, from SCB's short name: "Umeå" → "Umeå kommun", "Falun" → "Falu kommun".</summary>
    public static string MunicipalityName(string shortName) =>
        Cities.TryGetValue(shortName, out var city) ? city : Genitive(shortName) + " kommun";

    private static string Genitive(string name) =>
        IrregularGenitive.TryGetValue(name.ToLowerInvariant(), out var irregular) ? char.ToUpperInvariant(irregular[0]) + irregular[1..]
            : name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') || IsVowel(name[^1]) ? name : name + "s";

    private static bool IsVowel(char c) => "aeiouyåäöAEIOUYÅÄÖ".Contains(c, StringComparison.Ordinal);

    public static string Normalise(string name)
    {
        var text = name.Normalize(NormalizationForm.FormC).Trim().ToLower(Swedish);
        text = Whitespace().Replace(text, " ");
        return text.Replace('–', '-');
    }

    /// <summary>Every normalised form under which the registry entry should be found.</summary>
    public static IEnumerable<string> AliasesOf(string name, OrganisationType type)
    {
        var n = Normalise(name);
        var aliases = new HashSet<string>(StringComparer.Ordinal) { n };
        if (type == OrganisationType.Kommun)
        {
            // The regular genitive stays an alias where the name is irregular: people write "Kalmars kommun" too.
            var regular = n.EndsWith('s') || n.EndsWith('x') || n.EndsWith('z') ? n : n + "s";
            foreach (var suffix in new[] { " kommun", " stad" })
            {
                aliases.Add(regular + suffix);
                aliases.Add(n + suffix);
                if (IrregularGenitive.TryGetValue(n, out var irregular)) aliases.Add(irregular + suffix);
            }
        }
        else if (type == OrganisationType.Region && n.StartsWith("region ", StringComparison.Ordinal))
        {
            aliases.Add(n["region ".Length..]);
        }
        else if (n == "västra götalandsregionen")
        {
            aliases.Add("region västra götaland");
            aliases.Add("vgr");
        }
        return aliases;
    }

    /// <summary>
    /// The short forms an organisation goes by, from the name it has: "Stockholms stad" → "stockholm" (among others),
    /// "Region Stockholm" → "stockholm", "Falu kommun" → "falun". Used to see that a short form is shared.
    /// </summary>
    public static IEnumerable<string> ShortFormsOf(string name, OrganisationType type)
    {
        var n = Normalise(name);
        if (type == OrganisationType.Region) return AliasesOf(name, type);
        if (type != OrganisationType.Kommun) return [n];
        var forms = new HashSet<string>(StringComparer.Ordinal) { n };
        foreach (var suffix in new[] { " kommun", " stad" })
        {
            if (!n.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var genitive = n[..^suffix.Length];
            forms.Add(genitive);
            if (genitive.EndsWith('s')) forms.Add(genitive[..^1]);
            forms.UnionWith(IrregularGenitive.Where(i => i.Value == genitive).Select(i => i.Key));
        }
        return forms;
    }

    /// <summary>The forms to look up for a name someone wrote, most specific first.</summary>
    public static IEnumerable<string> Candidates(string written)
    {
        var n = Normalise(written);
        yield return n;
        var match = Parenthesised().Match(n);
        if (match.Success)
        {
            yield return match.Groups["name"].Value.Trim();
            yield return match.Groups["short"].Value.Trim();
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<name>[^(]+)\((?<short>[^)]+)\)\s*$")]
    private static partial Regex Parenthesised();
}
