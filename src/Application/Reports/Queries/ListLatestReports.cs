using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

/// <summary>The newest published reports the viewer may read, for the start page.</summary>
public sealed record ListLatestReportsQuery(int Count = 12) : IRequest<IReadOnlyList<ReportSummary>>;

public sealed class ListLatestReportsValidator : AbstractValidator<ListLatestReportsQuery>
{
    public ListLatestReportsValidator() => RuleFor(q => q.Count).InclusiveBetween(1, 100).WithMessage("Antalet ska vara 1–100.");
}

internal sealed class ListLatestReportsHandler(ILessonsDbContext db, CurrentViewer current)
    : IRequestHandler<ListLatestReportsQuery, IReadOnlyList<ReportSummary>>
{
    public async ValueTask<IReadOnlyList<ReportSummary>> Handle(ListLatestReportsQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var rows = await db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(viewer))
            .OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id).Take(query.Count)
            .Rows(db.Organisations).ToListAsync(ct);
        return [.. rows.Select(r => r.ToSummary(viewer))];
    }
}
