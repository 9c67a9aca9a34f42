using Lessons.Application.Organisations.Commands;
using Lessons.Infrastructure.Identity;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Brings the database to the current schema (migrations, both providers) and fills what a new installation needs:
/// roles, the organisation registry, and on an empty database the demo content when enabled.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<LessonsDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        var registry = OrganisationRegistry.Load();
        var configuration = provider.GetRequiredService<IConfiguration>();
        var demo = configuration.GetValue("DemoContent:Enabled", true);
        if (await IsCurrentAsync(db, registry.Count, demo, ct)) return;

        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }

        // One query rather than RoleManager: this runs at every start, and cold start is measured.
        var roles = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        var missing = new[] { Roles.Moderator, Roles.Admin }.Where(r => !roles.Contains(r)).ToList();
        foreach (var role in missing)
            db.Roles.Add(new IdentityRole<Guid>(role) { Id = Guid.NewGuid(), NormalizedName = role.ToUpperInvariant() });
        if (missing.Count > 0) await db.SaveChangesAsync(ct);

        var sender = provider.GetRequiredService<ISender>();
        var added = await sender.Send(new SeedOrganisationRegistryCommand(registry), ct);
        if (added > 0) logger.LogInformation("Organisation registry: {Count} organisations added", added);

        if (!await db.SynonymGroups.AnyAsync(ct))
        {
            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            db.SynonymGroups.AddRange(Search.DefaultSynonyms.Groups.Select(g => new Domain.Search.SynonymGroup(Guid.NewGuid(), g, now)));
            await db.SaveChangesAsync(ct);
        }

        if (demo && !await db.Reports.AnyAsync(ct))
        {
            var count = await DemoContent.SeedAsync(db, provider.GetRequiredService<TimeProvider>(), ct);
            logger.LogInformation("Demo content: {Count} fictional reports added", count);
        }
        await db.RefreshStatisticsAsync(ct);
    }

    /// <summary>
    /// Refreshes the query planner's statistics. SQLite keeps none until asked: without them it prefers the status
    /// index to the primary key for "these 20 published reports" and reads every report (measured: 250 ms at 100,000
    /// reports, against under 1 ms). Run after the schema is made and after bulk writes (import, generate).
    /// </summary>
    public static async Task RefreshStatisticsAsync(this LessonsDbContext db, CancellationToken ct = default) =>
        await db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA analysis_limit=1000; ANALYZE;" : "ANALYZE;", ct);

    /// <summary>
    /// The common case at start: every migration applied, roles and registry in place, nothing to seed. One plain
    /// SQL round trip says so, without EF's migration machinery or query compilation (a third of the cold start).
    /// Anything else, including a database with no schema yet, takes the full path.
    /// </summary>
    private static async Task<bool> IsCurrentAsync(LessonsDbContext db, int registrySize, bool demo, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT "MigrationId" FROM "__EFMigrationsHistory";
                SELECT (SELECT COUNT(*) FROM "AspNetRoles"),
                       (SELECT COUNT(*) FROM organisations WHERE NOT "IsUnlisted" AND NOT "IsFictional"),
                       (SELECT COUNT(*) FROM reports);
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            if (!known.SetEquals(applied) || !await reader.NextResultAsync(ct) || !await reader.ReadAsync(ct)) return false;
            return reader.GetInt64(0) >= 2 && reader.GetInt64(1) >= registrySize && (!demo || reader.GetInt64(2) > 0);
        }
        catch (System.Data.Common.DbException)
        {
            return false;       // no schema yet (or an older one): the full path creates it
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Migrates and seeds when the site starts, before the server takes its first request.</summary>
internal sealed class DatabaseStartup(IServiceProvider services) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.InitialiseDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
