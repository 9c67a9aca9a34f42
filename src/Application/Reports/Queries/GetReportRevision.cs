using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

public sealed record RevisionDetails(Guid ReportId, int Number, int CurrentRevision, DateTimeOffset CreatedAt, ReportContent Content,
    SectionsHtml Html, RevisionState State = RevisionState.Approved, string? ChangeNote = null, bool Redacted = false);

/// <summary>An earlier published version of a report, for anyone who may read the report and its revisions
/// (<see cref="ReportAccess.CanReadRevision"/>); a change waiting for a moderator, for those who may edit it.</summary>
public sealed record GetReportRevisionQuery(Guid ReportId, int Number) : IRequest<RevisionDetails>;

public sealed class GetReportRevisionValidator : AbstractValidator<GetReportRevisionQuery>
{
    public GetReportRevisionValidator()
    {
        RuleFor(q => q.ReportId).NotEmpty().WithMessage("Ange vilken rapport.");
        RuleFor(q => q.Number).GreaterThan(0).WithMessage("Versionsnumret börjar på 1.");
    }
}

internal sealed class GetReportRevisionHandler(ILessonsDbContext db, CurrentViewer current, IMarkdownRenderer markdown)
    : IRequestHandler<GetReportRevisionQuery, RevisionDetails>
{
    public async ValueTask<RevisionDetails> Handle(GetReportRevisionQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.AsNoTracking().FindVisibleAsync(query.ReportId, viewer, ct);
        var revision = await db.ReportRevisions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.ReportId == report.Id && v.Number == query.Number, ct);
        if (revision is null || !ReportAccess.CanReadRevision(viewer, report, revision))
            throw new NotFoundException($"Version {query.Number} av rapporten", query.ReportId);
        return new RevisionDetails(report.Id, revision.Number, report.CurrentRevision, revision.CreatedAt, revision.Content,
            await StoredSectionsHtml.OfRevisionAsync(db, markdown, revision, ct), revision.State, revision.ChangeNote, revision.RedactedAt is not null);
    }
}
