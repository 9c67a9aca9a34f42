using Lessons.Domain.Taxonomy;

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Taxonomy values are stored as their contract keys ("lyckades"), so the SQL reads like the import format. Each
/// converter names its list directly (no closures): EF's compiled model turns these expressions into code.
/// </summary>
public static class KeyConverters
{
    public static readonly ValueConverter<Outcome, string> Outcome =
        new(v => Vocabulary.Outcomes.Key(v), k => Vocabulary.Outcomes.Parse(k));

    public static readonly ValueConverter<Stage, string> Stage =
        new(v => Vocabulary.Stages.Key(v), k => Vocabulary.Stages.Parse(k));

    public static readonly ValueConverter<OrganisationType, string> OrganisationType =
        new(v => Vocabulary.OrganisationTypes.Key(v), k => Vocabulary.OrganisationTypes.Parse(k));

    public static ValueConverter<T, string> Lowercase<T>() where T : struct, Enum =>
        new(v => v.ToString().ToLowerInvariant(), s => Enum.Parse<T>(s, true));
}
