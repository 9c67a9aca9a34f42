using Lessons.Application.Common.Ports;
using Lessons.Domain.Organisations;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Commands;

/// <summary>An organisation of the registry: the name it goes by, and other names it is written under.</summary>
public sealed record RegistryEntry(string Name, OrganisationType Type, string? Code, IReadOnlyList<string> Aliases);

/// <summary>
/// Brings the registry of Sweden's municipalities, regions and agencies into the database. Idempotent: entries are
/// matched by type and code (or name) and only what is missing is added, so it runs at every start.
/// </summary>
public sealed record SeedOrganisationRegistryCommand(IReadOnlyList<RegistryEntry> Entries) : IRequest<int>;

internal sealed class SeedOrganisationRegistryHandler(ILessonsDbContext db, TimeProvider clock)
    : IRequestHandler<SeedOrganisationRegistryCommand, int>
{
    public async ValueTask<int> Handle(SeedOrganisationRegistryCommand command, CancellationToken ct)
    {
        // The common case at start: the registry is complete, and one count says so.
        if (await db.Organisations.CountAsync(o => !o.IsUnlisted && !o.IsFictional, ct) >= command.Entries.Count) return 0;
        var existing = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.Type, o.Code }).ToListAsync(ct);
        var known = existing.Select(o => Identity(o.Type, o.Code, o.Name)).ToHashSet(StringComparer.Ordinal);
        var aliases = await db.OrganisationAliases.AsNoTracking().Select(a => a.NormalisedName).ToListAsync(ct);
        var taken = aliases.ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var added = 0;

        foreach (var entry in command.Entries)
        {
            if (!known.Add(Identity(entry.Type, entry.Code, entry.Name))) continue;
            var organisation = new Organisation(Guid.NewGuid(), entry.Name, entry.Type, entry.Code, now);
            db.Organisations.Add(organisation);
            foreach (var alias in entry.Aliases.Prepend(entry.Name).Select(OrganisationNames.Normalise))
            {
                // First come, first served: an ambiguous short form stays with the entry listed first.
                if (taken.Add(alias)) db.OrganisationAliases.Add(new OrganisationAlias(organisation.Id, alias));
            }
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }

    private static string Identity(OrganisationType type, string? code, string name) =>
        $"{type}:{code ?? OrganisationNames.Normalise(name)}";
}
