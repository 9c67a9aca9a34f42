using System.Reflection;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// The vocabulary the search brings with it, beside the moderators' synonym list: the curated public-sector
/// thesaurus (Data/thesaurus.txt) and general Swedish near-synonyms filtered from the LibreOffice thesaurus
/// (Data/thesaurus-general.txt). Each group carries its weight: what another member of the group counts for
/// against the word the user typed. The moderators' groups weigh most, the curated ones less, the general ones least.
/// </summary>
internal static class Thesaurus
{
    public const float ModeratedWeight = 0.9f;
    public const float CuratedWeight = 0.8f;
    public const float GeneralWeight = 0.4f;

    public static readonly IReadOnlyList<WeightedGroup> Curated = Load("thesaurus.txt", CuratedWeight);
    public static readonly IReadOnlyList<WeightedGroup> General = Load("thesaurus-general.txt", GeneralWeight);

    private static List<WeightedGroup> Load(string name, float weight)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Lessons.Infrastructure.Search.Data.{name}")
            ?? throw new InvalidOperationException($"Missing embedded resource {name}");
        using var reader = new StreamReader(stream);
        var groups = new List<WeightedGroup>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var members = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (members.Length > 1) groups.Add(new WeightedGroup(members, weight));
        }
        return groups;
    }
}

/// <summary>Members that mean the same, and what a member the user did not type counts for.</summary>
internal sealed record WeightedGroup(IReadOnlyList<string> Members, float Weight);
