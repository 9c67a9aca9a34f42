using Lessons.Domain.Members;
using Lessons.Domain.Organisations;
using Lessons.Domain.Reports;
using Lessons.Domain.Search;
using Lessons.Domain.Subscriptions;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Common.Ports;

/// <summary>Handlers use EF Core directly through this port (ADR-001): no repositories on top of a unit of work.</summary>
public interface ILessonsDbContext
{
    DbSet<Organisation> Organisations { get; }

    DbSet<OrganisationAlias> OrganisationAliases { get; }

    DbSet<Member> Members { get; }

    DbSet<Report> Reports { get; }

    DbSet<ReportRevision> ReportRevisions { get; }

    DbSet<ReportReuse> ReportReuses { get; }

    /// <summary>The search outbox. Rows are added by the context itself for every saved change to a report.</summary>
    DbSet<SearchChange> SearchChanges { get; }

    DbSet<SynonymGroup> SynonymGroups { get; }

    DbSet<Subscriber> Subscribers { get; }

    DbSet<Follow> Follows { get; }

    DbSet<DigestRun> DigestRuns { get; }

    DbSet<DigestDelivery> DigestDeliveries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
