using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

/// <summary>
/// The precedent check: before a new report is saved, the author sees the published reports most like its title
/// and summary, so a duplicate is linked instead of rewritten.
/// </summary>
public sealed record FindPrecedentsQuery(string? Title, string? Summary, int Count = 5) : IRequest<IReadOnlyList<ReportSummary>>;

public sealed class FindPrecedentsValidator : AbstractValidator<FindPrecedentsQuery>
{
    public FindPrecedentsValidator()
    {
        RuleFor(q => q).Must(q => !string.IsNullOrWhiteSpace(q.Title) || !string.IsNullOrWhiteSpace(q.Summary))
            .WithMessage("Skriv en rubrik eller en sammanfattning först, så letar vi efter liknande rapporter.").OverridePropertyName("Input.Title");
        RuleFor(q => q.Count).InclusiveBetween(1, 20).WithMessage("Antalet ska vara 1–20.");
    }
}

internal sealed class FindPrecedentsHandler(ILessonsDbContext db, CurrentViewer current, IReportSearch search)
    : IRequestHandler<FindPrecedentsQuery, IReadOnlyList<ReportSummary>>
{
    public async ValueTask<IReadOnlyList<ReportSummary>> Handle(FindPrecedentsQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        // The title says most about what the work is: it counts twice.
        var text = string.Join('\n', query.Title, query.Title, query.Summary);
        var hits = await search.PrecedentsAsync(text, query.Count, viewer.IsPublicSectorMember || viewer.IsModerator, ct);
        var ids = hits.Select(h => h.Id).ToList();
        var rows = await db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(viewer)).Where(r => ids.Contains(r.Id))
            .Rows(db.Organisations).ToDictionaryAsync(r => r.Id, ct);
        return [.. ids.Where(rows.ContainsKey).Select(i => rows[i].ToSummary(viewer))];
    }
}
