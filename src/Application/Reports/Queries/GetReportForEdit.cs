using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

public sealed record ReportForEdit(Guid Id, ReportStatus Status, ReportInput Input);

/// <summary>The report as its editable input, for the edit form. Only those who may edit get it. A change waiting
/// for a moderator (or sent back) is what the editor continues from, not the version readers see.</summary>
public sealed record GetReportForEditQuery(Guid ReportId) : IRequest<ReportForEdit>, IRequireMember;

internal sealed class GetReportForEditHandler(ILessonsDbContext db, CurrentViewer current)
    : IRequestHandler<GetReportForEditQuery, ReportForEdit>
{
    public async ValueTask<ReportForEdit> Handle(GetReportForEditQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.AsNoTracking().Include(r => r.Revisions).FindVisibleAsync(query.ReportId, viewer, ct);
        if (!ReportAccess.MayEdit(viewer, report) || report.Status == ReportStatus.Withdrawn)
            throw new ForbiddenException("Du kan inte ändra den här rapporten.");
        var (content, visibility, anonymous) = report.PendingRevision is { } pending
            ? (pending.Content, pending.Visibility, pending.IsAnonymous) : (report.Content, report.Visibility, report.IsAnonymous);
        var coOrganisations = await db.NamesOfAsync(content.CoOrganisationIds, ct);
        return new ReportForEdit(report.Id, report.Status, ReportInput.From(content, visibility, anonymous, coOrganisations));
    }
}
