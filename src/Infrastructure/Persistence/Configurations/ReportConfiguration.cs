using Lessons.Application.Reports;
using Lessons.Domain.Members;
using Lessons.Domain.Organisations;
using Lessons.Domain.Reports;
using Lessons.Domain.Search;
using Lessons.Domain.Taxonomy;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lessons.Infrastructure.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.ExternalId).HasMaxLength(100);
        b.HasIndex(r => r.ExternalId).IsUnique();
        b.Property(r => r.Status).HasConversion(KeyConverters.Lowercase<ReportStatus>()).HasMaxLength(16);
        b.Property(r => r.Visibility).HasConversion(KeyConverters.Lowercase<Visibility>()).HasMaxLength(16);
        b.Property(r => r.WithdrawalReason).HasMaxLength(1000);
        b.Property(r => r.ReturnComment).HasMaxLength(2000);
        b.ComplexProperty(r => r.Content, ReportContentMapping.Map);
        ReportContentMapping.MapHtml(b);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Report>().WithMany().HasForeignKey(r => r.BuildsOnReportId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Revisions).HasField("revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(r => r.Reuses).WithOne().HasForeignKey(u => u.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Reuses).HasField("reuses").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(r => new { r.Status, r.PublishedAt });
        b.HasIndex(r => r.OrganisationId);
        b.HasIndex(r => r.AuthorId);
    }
}

internal sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> b)
    {
        b.ToTable("report_revisions");
        b.HasKey(v => v.Id);
        // Ids are made by the domain: a revision found through Report.Revisions is new, not an existing row.
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
        b.ComplexProperty(v => v.Content, ReportContentMapping.Map);
        ReportContentMapping.MapHtml(b);
        b.Property(v => v.Visibility).HasConversion(KeyConverters.Lowercase<Visibility>()).HasMaxLength(16);
        b.Property(v => v.State).HasConversion(KeyConverters.Lowercase<RevisionState>()).HasMaxLength(16);
        b.Property(v => v.ChangeNote).HasMaxLength(500);
    }
}

internal sealed class ReportReuseConfiguration : IEntityTypeConfiguration<ReportReuse>
{
    public void Configure(EntityTypeBuilder<ReportReuse> b)
    {
        b.ToTable("report_reuses");
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Note).HasMaxLength(500);
        b.HasIndex(u => new { u.ReportId, u.MemberId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(u => u.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal static class ReportContentMapping
{
    public static void Map(ComplexPropertyBuilder<ReportContent> c)
    {
        c.Property(x => x.Title).HasMaxLength(200).HasColumnName("title");
        c.Property(x => x.Summary).HasMaxLength(1000).HasColumnName("summary");
        c.Property(x => x.YearStarted).HasColumnName("year_started");
        c.Property(x => x.YearEnded).HasColumnName("year_ended");
        c.Property(x => x.Outcome).HasConversion(KeyConverters.Outcome).HasMaxLength(32).HasColumnName("outcome");
        c.Property(x => x.Stage).HasConversion(KeyConverters.Stage).HasMaxLength(32).HasColumnName("stage");
        Json(c.Property(x => x.Principles), "principles");
        Json(c.Property(x => x.Challenges), "challenges");
        Json(c.Property(x => x.InnovationTypes), "innovation_types");
        Json(c.Property(x => x.Drivers), "drivers");
        Json(c.Property(x => x.Effects), "effects");
        c.Property(x => x.CostSek).HasPrecision(18, 2).HasColumnName("cost_sek");
        c.Property(x => x.EffortHours).HasColumnName("effort_hours");
        c.Property(x => x.CostNote).HasMaxLength(1000).HasColumnName("cost_note");
        Json(c.Property(x => x.Collaborators), "collaborators");
        Json(c.Property(x => x.Support), "support");
        Json(c.Property(x => x.Links), "links");
        Json(c.Property(x => x.CoOrganisationIds), "co_organisations");
        c.Property(x => x.ContactName).HasMaxLength(200).HasColumnName("contact_name");
        c.Property(x => x.ContactEmail).HasMaxLength(256).HasColumnName("contact_email");
        c.Property(x => x.Background).HasColumnName("background");
        c.Property(x => x.WhatWeDid).HasColumnName("what_we_did");
        c.Property(x => x.Result).HasColumnName("result");
        c.Property(x => x.Lessons).HasColumnName("lessons");
        c.Property(x => x.Recommendations).HasColumnName("recommendations");
    }

    /// <summary>Each section's safe HTML beside its Markdown (<see cref="SectionsHtml"/>); null until first rendered.</summary>
    public static void MapHtml<T>(EntityTypeBuilder<T> b) where T : class
    {
        b.Property<string?>(SectionsHtml.BackgroundColumn).HasColumnName("background_html");
        b.Property<string?>(SectionsHtml.WhatWeDidColumn).HasColumnName("what_we_did_html");
        b.Property<string?>(SectionsHtml.ResultColumn).HasColumnName("result_html");
        b.Property<string?>(SectionsHtml.LessonsColumn).HasColumnName("lessons_html");
        b.Property<string?>(SectionsHtml.RecommendationsColumn).HasColumnName("recommendations_html");
    }

    private static void Json<T>(ComplexTypePropertyBuilder<IReadOnlyList<T>> property, string column) =>
        property.HasConversion(JsonColumn.Converter<T>(), JsonColumn.Comparer<T>()).HasColumnName(column);
}

internal sealed class SearchChangeConfiguration : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> b)
    {
        b.ToTable("search_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.HasIndex(c => c.ReportId);
    }
}

internal sealed class SynonymGroupConfiguration : IEntityTypeConfiguration<SynonymGroup>
{
    public void Configure(EntityTypeBuilder<SynonymGroup> b)
    {
        b.ToTable("synonym_groups");
        b.HasKey(g => g.Id);
        b.Property(g => g.Id).ValueGeneratedNever();
        b.Property(g => g.Terms).HasField("terms").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<string>(), JsonColumn.Comparer<string>());
    }
}
