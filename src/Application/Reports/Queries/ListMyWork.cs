using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

/// <summary><see cref="ChangesToReview"/>: published reports with a change waiting for a moderator (moderators only).</summary>
public sealed record MyWork(IReadOnlyList<ReportSummary> Mine, IReadOnlyList<ReportSummary> ToReview, IReadOnlyList<ReportSummary> ChangesToReview);

/// <summary>The member's own reports in every status, and the reports and changes waiting for them to review.</summary>
public sealed record ListMyWorkQuery : IRequest<MyWork>, IRequireMember;

internal sealed class ListMyWorkHandler(ILessonsDbContext db, CurrentViewer current) : IRequestHandler<ListMyWorkQuery, MyWork>
{
    public async ValueTask<MyWork> Handle(ListMyWorkQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var me = viewer.UserId;
        var mine = await db.Reports.AsNoTracking().Where(r => r.AuthorId == me)
            .OrderByDescending(r => r.UpdatedAt).Rows(db.Organisations).ToListAsync(ct);

        var moderator = viewer.IsModerator;
        var editorOf = viewer.IsEditor ? viewer.OrganisationId : null;
        var toReview = moderator || editorOf is not null
            ? await db.Reports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.InReview)
                .Where(r => moderator || (r.OrganisationId == editorOf && !r.IsAnonymous))
                .OrderBy(r => r.SubmittedAt).Rows(db.Organisations).ToListAsync(ct)
            : [];
        var changes = moderator
            ? await db.Reports.AsNoTracking()
                .Where(r => r.Status == ReportStatus.Published
                    && db.ReportRevisions.Any(v => v.ReportId == r.Id && v.State == RevisionState.Pending))
                .OrderBy(r => r.UpdatedAt).Rows(db.Organisations).ToListAsync(ct)
            : [];
        return new MyWork([.. mine.Select(r => r.ToSummary(viewer))], [.. toReview.Select(r => r.ToSummary(viewer))],
            [.. changes.Select(r => r.ToSummary(viewer))]);
    }
}
