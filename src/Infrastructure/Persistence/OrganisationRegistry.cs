using System.Reflection;

using Lessons.Application.Organisations;
using Lessons.Application.Organisations.Commands;
using Lessons.Domain.Taxonomy;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Sweden's 290 municipalities, 21 regions and 340 state agencies (CSV files shipped in this assembly, from SCB
/// and the agency register). Gotland is one organisation, Region Gotland, which is both a municipality and a region.
/// </summary>
public static class OrganisationRegistry
{
    private static readonly Dictionary<string, string[]> KnownAbbreviations = new(StringComparer.Ordinal)
    {
        ["Centrala studiestödsnämnden"] = ["CSN"],
        ["Myndigheten för samhällsskydd och beredskap"] = ["MSB"],
        ["Statens skolverk"] = ["Skolverket"],
        ["Verket för innovationssystem"] = ["Vinnova"],
    };

    public static IReadOnlyList<RegistryEntry> Load()
    {
        var entries = new List<RegistryEntry>();
        foreach (var row in Rows("regioner.csv"))
        {
            var aliases = OrganisationNames.AliasesOf(row[1], OrganisationType.Region).ToList();
            if (row[1] == "Region Gotland") aliases.AddRange(OrganisationNames.AliasesOf("Gotland", OrganisationType.Kommun));
            entries.Add(new RegistryEntry(row[1], OrganisationType.Region, row[0], aliases));
        }
        foreach (var row in Rows("kommuner.csv"))
        {
            if (row[0] == "0980") continue;      // Gotland: the region above
            entries.Add(new RegistryEntry(OrganisationNames.MunicipalityName(row[1]), OrganisationType.Kommun, row[0],
                [.. OrganisationNames.AliasesOf(row[1], OrganisationType.Kommun)]));
        }
        foreach (var row in Rows("myndigheter.csv"))
            entries.Add(new RegistryEntry(row[1], OrganisationType.Myndighet, string.IsNullOrEmpty(row[0]) ? null : row[0],
                [.. OrganisationNames.AliasesOf(row[1], OrganisationType.Myndighet), .. KnownAbbreviations.GetValueOrDefault(row[1], [])]));
        return entries;
    }

    private static IEnumerable<string[]> Rows(string file)
    {
        var assembly = typeof(OrganisationRegistry).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();  // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            yield return SplitCsvLine(line);
        }
    }

    /// <summary>RFC 4180 fields: some agency names contain commas and are quoted.</summary>
    internal static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
