using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

public sealed record MyWork(IReadOnlyList<ReportSummary> Mine, IReadOnlyList<ReportSummary> ToReview);

/// <summary>The member's own reports in every status, and the reports waiting for them to review.</summary>
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
        return new MyWork([.. mine.Select(r => r.ToSummary(viewer))], [.. toReview.Select(r => r.ToSummary(viewer))]);
    }
}
