using Lessons.Application.Common.Ports;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations;

/// <summary>Finds registry organisations by any of their usual names. Loads the alias table once per use.</summary>
public sealed class OrganisationResolver(ILessonsDbContext db)
{
    private Dictionary<string, Guid>? byAlias;

    public async Task<Guid?> FindAsync(string written, CancellationToken ct)
    {
        byAlias ??= await db.OrganisationAliases.AsNoTracking()
            .ToDictionaryAsync(a => a.NormalisedName, a => a.OrganisationId, StringComparer.Ordinal, ct);
        foreach (var candidate in OrganisationNames.Candidates(written))
        {
            if (byAlias.TryGetValue(candidate, out var id)) return id;
        }
        return null;
    }

    /// <summary>Makes a name just created findable by the next lookup in the same unit of work.</summary>
    public void Remember(string name, Guid id)
    {
        byAlias ??= new Dictionary<string, Guid>(StringComparer.Ordinal);
        byAlias[OrganisationNames.Normalise(name)] = id;
    }
}
