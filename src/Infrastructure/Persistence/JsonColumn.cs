using System.Text.Json;

using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Lists inside a report (keys, effects, links) are stored as JSON text: the same on SQLite and PostgreSQL, read
/// whole, never queried piecemeal (search and facets come from the index).
/// </summary>
public static class JsonColumn
{
    // Public, because EF's compiled model copies the converter's expression into generated code.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x == null ? 0 : x.GetHashCode())),
        v => v.ToList());
}
