using System.Linq.Expressions;

using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

namespace Lessons.Application.Reports;

/// <summary>
/// Who may see and act on a report. Used by every command, query, the API and the export, so the rules exist once.
/// Drafts are seen by their author and the organisation's editors; moderators see everything. Which transitions
/// are legal at all (a withdrawn report is never published again) is the domain's business, not this class's.
/// </summary>
public static class ReportAccess
{
    /// <summary>Published reports the viewer may read: the filter for lists, search, API and feeds.</summary>
    public static Expression<Func<Report, bool>> PublishedVisibleTo(Viewer viewer)
    {
        var membersToo = MayReadMembersOnly(viewer);
        return r => r.Status == ReportStatus.Published && (r.Visibility == Visibility.Public || membersToo);
    }

    /// <summary>Every report the viewer may open, whatever its status.</summary>
    public static Expression<Func<Report, bool>> VisibleTo(Viewer viewer)
    {
        var membersToo = MayReadMembersOnly(viewer);
        var moderator = viewer.IsModerator;
        var userId = viewer.UserId;
        var editorOf = viewer.IsEditor ? viewer.OrganisationId : null;
        return r => moderator
            || (r.Status == ReportStatus.Published && (r.Visibility == Visibility.Public || membersToo))
            || (userId != null && r.AuthorId == userId)
            || (editorOf != null && r.OrganisationId == editorOf);
    }

    public static bool CanRead(Viewer viewer, Report report) =>
        viewer.IsModerator
        || (report.Status == ReportStatus.Published && (report.Visibility == Visibility.Public || MayReadMembersOnly(viewer)))
        || IsAuthor(viewer, report)
        || viewer.IsEditorOf(report.OrganisationId);

    public static bool IsAuthor(Viewer viewer, Report report) =>
        viewer.UserId is not null && report.AuthorId == viewer.UserId;

    public static bool IsStaffOf(Viewer viewer, Report report) =>
        viewer.IsModerator || viewer.IsEditorOf(report.OrganisationId);

    /// <summary>The author and the organisation's editors write; moderators may correct anything. An author acts on a
    /// report only while a member of its organisation: one who has been removed no longer speaks for it.</summary>
    public static bool MayEdit(Viewer viewer, Report report) =>
        IsStaffOf(viewer, report) || (IsAuthor(viewer, report) && viewer.OrganisationId == report.OrganisationId);

    /// <summary>Editors of the owning organisation publish; anonymous reports are published by moderators, who
    /// check that nothing in the text gives the organisation away.</summary>
    public static bool MayPublish(Viewer viewer, Report report) =>
        viewer.IsModerator || (!report.IsAnonymous && viewer.IsEditorOf(report.OrganisationId));

    public static bool MayWithdraw(Viewer viewer, Report report) => MayEdit(viewer, report);

    /// <summary>Anonymity is a promise to the author: their editors may not lift it for them. Moderators may.</summary>
    public static bool MayLiftAnonymity(Viewer viewer, Report report) => viewer.IsModerator || IsAuthor(viewer, report);

    /// <summary>Moderators approve or return waiting changes of published reports, and redact revisions.</summary>
    public static bool MayModerate(Viewer viewer, Report report) => viewer.IsModerator;

    /// <summary>
    /// Earlier revisions of an anonymous report (and changes not yet approved) are for its author, its editors and
    /// moderators: a slip in one that named the organisation must not stay readable for everyone.
    /// </summary>
    public static bool CanReadRevision(Viewer viewer, Report report, ReportRevision revision) =>
        MayEdit(viewer, report)
        || (CanRead(viewer, report) && revision.State == RevisionState.Approved && !report.IsAnonymous && !revision.IsAnonymous
            && (revision.Visibility == Visibility.Public || MayReadMembersOnly(viewer)));

    /// <summary>An anonymous report hides its organisation from everyone but its author, its editors and moderators.</summary>
    public static bool CanSeeOrganisation(Viewer viewer, Report report) =>
        !report.IsAnonymous || MayEdit(viewer, report);

    private static bool MayReadMembersOnly(Viewer viewer) => viewer.IsPublicSectorMember || viewer.IsModerator;
}
