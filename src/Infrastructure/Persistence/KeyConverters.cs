using Lessons.Domain.Taxonomy;

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lessons.Infrastructure.Persistence;

/// <summary>Taxonomy values are stored as their contract keys ("lyckades"), so the SQL reads like the import format.</summary>
internal static class KeyConverters
{
    public static ValueConverter<T, string> For<T>(TermList<T> terms) where T : notnull =>
        new(v => terms.Key(v), k => terms.Parse(k));

    public static ValueConverter<T, string> Lowercase<T>() where T : struct, Enum =>
        new(v => v.ToString().ToLowerInvariant(), s => Enum.Parse<T>(s, true));
}
