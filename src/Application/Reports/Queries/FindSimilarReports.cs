using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

/// <summary>"Liknande rapporter": published reports about the same thing, other organisations first.</summary>
public sealed record FindSimilarReportsQuery(string Id, int Count = 5) : IRequest<IReadOnlyList<ReportSummary>>;

public sealed class FindSimilarReportsValidator : AbstractValidator<FindSimilarReportsQuery>
{
    public FindSimilarReportsValidator()
    {
        RuleFor(q => q.Id).NotEmpty().WithMessage("Ange vilken rapport.").MaximumLength(100).WithMessage("Ogiltigt rapport-id.");
        RuleFor(q => q.Count).InclusiveBetween(1, 20).WithMessage("Antalet ska vara 1–20.").OverridePropertyName("count");
    }
}

internal sealed class FindSimilarReportsHandler(ILessonsDbContext db, CurrentViewer current, IReportSearch search)
    : IRequestHandler<FindSimilarReportsQuery, IReadOnlyList<ReportSummary>>
{
    public async ValueTask<IReadOnlyList<ReportSummary>> Handle(FindSimilarReportsQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var visible = db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(viewer));
        var id = Guid.TryParse(query.Id, out var guid) ? guid
            : await visible.Where(r => r.ExternalId == query.Id).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct) ?? Guid.Empty;

        // The index holds only published reports, so it answers for a missing one too; the rows below (the
        // source among them) confirm the viewer may see each, in one query. Twice as many as asked, since some drop out.
        var hits = await search.SimilarAsync(id, Math.Min(query.Count * 2, 40), viewer.IsPublicSectorMember || viewer.IsModerator, ct);
        var ids = hits.Select(h => h.Id).Append(id).ToList();
        var rows = await visible.Where(r => ids.Contains(r.Id)).Rows(db.Organisations).ToDictionaryAsync(r => r.Id, ct);
        if (!rows.TryGetValue(id, out var source)) throw new NotFoundException("Rapporten", query.Id);
        // On an anonymous report, the hidden organisation's own other reports (the likeliest "similar" ones) would
        // point at it; readers who may not know the organisation get none of them.
        var hidden = source.IsAnonymous && !source.OrganisationVisible(viewer) ? source.OrganisationId : (Guid?)null;
        return [.. hits.Where(h => rows.TryGetValue(h.Id, out var row) && row.OrganisationId != hidden)
            .Take(query.Count).Select(h => rows[h.Id].ToSummary(viewer))];
    }
}
