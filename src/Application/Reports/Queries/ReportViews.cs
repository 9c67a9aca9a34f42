using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

namespace Lessons.Application.Reports.Queries;

public sealed record OrganisationRef(Guid Id, string Name, OrganisationType Type);

/// <summary>A report in a list. <see cref="Organisation"/> is null when the report is anonymous to this viewer.</summary>
public sealed record ReportSummary(
    Guid Id, string? ExternalId, string Title, string Summary, OrganisationRef? Organisation, int Year, Outcome Outcome,
    Stage Stage, IReadOnlyList<string> Principles, IReadOnlyList<string> Challenges, DateTimeOffset? PublishedAt,
    ReportStatus Status, Visibility Visibility);

/// <summary>The columns a list needs (never the report's long texts), read in one query, before the viewer's
/// anonymity rule is applied.</summary>
internal sealed record ReportRow(
    Guid Id, string? ExternalId, Guid? AuthorId, Guid OrganisationId, string OrganisationName, OrganisationType OrganisationType,
    bool IsAnonymous, ReportStatus Status, Visibility Visibility, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt,
    string Title, string Summary, int Year, Outcome Outcome, Stage Stage, IReadOnlyList<string> Principles, IReadOnlyList<string> Challenges)
{
    public ReportSummary ToSummary(Viewer viewer) => new(
        Id, ExternalId, Title, Summary,
        OrganisationVisible(viewer) ? new OrganisationRef(OrganisationId, OrganisationName, OrganisationType) : null,
        Year, Outcome, Stage, Principles, Challenges, PublishedAt, Status, Visibility);

    public bool OrganisationVisible(Viewer viewer) =>
        !IsAnonymous || viewer.IsModerator || viewer.IsEditorOf(OrganisationId) || (viewer.UserId is not null && AuthorId == viewer.UserId);
}

internal static class ReportRows
{
    public static IQueryable<ReportRow> Rows(this IQueryable<Report> reports, IQueryable<Domain.Organisations.Organisation> organisations) =>
        reports.Join(organisations, r => r.OrganisationId, o => o.Id, (r, o) => new ReportRow(
            r.Id, r.ExternalId, r.AuthorId, r.OrganisationId, o.Name, o.Type, r.IsAnonymous, r.Status, r.Visibility,
            r.PublishedAt, r.UpdatedAt, r.Content.Title, r.Content.Summary, r.Content.YearStarted, r.Content.Outcome,
            r.Content.Stage, r.Content.Principles, r.Content.Challenges));
}
