using Lessons.Application.Common.Ports;
using Lessons.Domain.Organisations;
using Lessons.Domain.Search;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Commands;

/// <summary>An organisation of the registry: the name it goes by, and other names it is written under.</summary>
public sealed record RegistryEntry(string Name, OrganisationType Type, string? Code, IReadOnlyList<string> Aliases);

/// <summary>
/// Brings the registry of Sweden's municipalities, regions and agencies into the database. Idempotent: entries are
/// matched by type and code (or name), only what is missing is added, and a registry name corrected since the last
/// start is taken over by its organisation, so it runs at every start.
/// </summary>
public sealed record SeedOrganisationRegistryCommand(IReadOnlyList<RegistryEntry> Entries) : IRequest<int>;

internal sealed class SeedOrganisationRegistryHandler(ILessonsDbContext db, TimeProvider clock)
    : IRequestHandler<SeedOrganisationRegistryCommand, int>
{
    public async ValueTask<int> Handle(SeedOrganisationRegistryCommand command, CancellationToken ct)
    {
        // Read at every start (a few hundred short rows): a name corrected in a release ("Kalmars kommun" became
        // "Kalmar kommun") must reach the databases seeded before it, which a count of rows would not notice.
        var existing = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.Type, o.Code }).ToListAsync(ct);
        var known = new Dictionary<string, (Guid Id, string Name)>(StringComparer.Ordinal);
        foreach (var o in existing) known.TryAdd(Identity(o.Type, o.Code, o.Name), (o.Id, o.Name));
        var renamed = command.Entries
            .Where(e => e.Code is not null && known.TryGetValue(Identity(e.Type, e.Code, e.Name), out var k) && k.Name != e.Name)
            .Select(e => (Entry: e, known[Identity(e.Type, e.Code, e.Name)].Id)).ToList();
        if (renamed.Count == 0 && command.Entries.All(e => known.ContainsKey(Identity(e.Type, e.Code, e.Name)))) return 0;

        var aliases = await db.OrganisationAliases.AsNoTracking().Select(a => a.NormalisedName).ToListAsync(ct);
        var taken = aliases.ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var added = 0;

        foreach (var (entry, id) in renamed)
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == id, ct);
            organisation.Rename(entry.Name);
            // The old name stays an alias, as people wrote it, and the reports' index documents carry the new one.
            foreach (var alias in entry.Aliases.Prepend(entry.Name).Select(OrganisationNames.Normalise))
            {
                if (taken.Add(alias)) db.OrganisationAliases.Add(new OrganisationAlias(id, alias));
            }
            var reports = await db.Reports.Where(r => r.OrganisationId == id).Select(r => r.Id).ToListAsync(ct);
            db.SearchChanges.AddRange(reports.Select(r => new SearchChange(r, now)));
        }

        foreach (var entry in command.Entries)
        {
            if (!known.TryAdd(Identity(entry.Type, entry.Code, entry.Name), default)) continue;
            var organisation = new Organisation(Guid.NewGuid(), entry.Name, entry.Type, entry.Code, now);
            db.Organisations.Add(organisation);
            foreach (var alias in entry.Aliases.Prepend(entry.Name).Select(OrganisationNames.Normalise))
            {
                // First come, first served: an ambiguous short form stays with the entry listed first.
                if (taken.Add(alias)) db.OrganisationAliases.Add(new OrganisationAlias(organisation.Id, alias));
            }
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static string Identity(OrganisationType type, string? code, string name) =>
        $"{type}:{code ?? OrganisationNames.Normalise(name)}";
}
