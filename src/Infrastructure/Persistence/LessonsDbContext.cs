using Lessons.Application.Common.Ports;
using Lessons.Domain.Members;
using Lessons.Domain.Organisations;
using Lessons.Domain.Reports;
using Lessons.Domain.Search;
using Lessons.Domain.Subscriptions;
using Lessons.Infrastructure.Identity;

using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// One model for both providers. Each provider has its own subclass only so that each keeps its own migrations
/// (SQLite and PostgreSQL need different SQL for the same change).
/// </summary>
public abstract class LessonsDbContext(DbContextOptions options)
    : IdentityDbContext<LessonsUser, IdentityRole<Guid>, Guid>(options), ILessonsDbContext, IDataProtectionKeyContext
{
    /// <summary>Swedish ordering and comparison for names: SQLite's own folding is ASCII-only.</summary>
    public const string SwedishCollation = "sv";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationAlias> OrganisationAliases => Set<OrganisationAlias>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();

    public DbSet<ReportReuse> ReportReuses => Set<ReportReuse>();

    public DbSet<SearchChange> SearchChanges => Set<SearchChange>();

    public DbSet<SynonymGroup> SynonymGroups => Set<SynonymGroup>();

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Every saved change to a report also writes an outbox row, in the same transaction. Done here rather than in
    /// each command, so no use case (present or future) can forget it.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        // The report's own UpdatedAt (set by the domain from the injected clock) dates the change.
        var changed = ChangeTracker.Entries<Report>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new SearchChange(e.Entity.Id, e.Entity.UpdatedAt))
            .ToList();
        SearchChanges.AddRange(changed);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LessonsDbContext).Assembly);
        builder.Entity<LessonsUser>().Property(u => u.DisplayName).HasMaxLength(100);
    }
}

public sealed class SqliteLessonsDbContext(DbContextOptions<SqliteLessonsDbContext> options) : LessonsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type; as ticks, dates sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToTicksConverter>();
    }
}

public sealed class PostgresLessonsDbContext(DbContextOptions<PostgresLessonsDbContext> options) : LessonsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasCollation(SwedishCollation, locale: "sv-SE", provider: "icu", deterministic: true);
        base.OnModelCreating(builder);
    }
}

/// <summary>All stored dates are UTC, so ticks alone are enough and order correctly.</summary>
internal sealed class DateTimeOffsetToTicksConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
