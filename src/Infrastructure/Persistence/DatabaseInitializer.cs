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
        var added = await sender.Send(new SeedOrganisationRegistryCommand(OrganisationRegistry.Load()), ct);
        if (added > 0) logger.LogInformation("Organisation registry: {Count} organisations added", added);

        var configuration = provider.GetRequiredService<IConfiguration>();
        if (configuration.GetValue("DemoContent:Enabled", true) && !await db.Reports.AnyAsync(ct))
        {
            var count = await DemoContent.SeedAsync(db, provider.GetRequiredService<TimeProvider>(), ct);
            logger.LogInformation("Demo content: {Count} fictional reports added", count);
        }
    }
}

/// <summary>Migrates and seeds when the site starts, before the server takes its first request.</summary>
internal sealed class DatabaseStartup(IServiceProvider services) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.InitialiseDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
