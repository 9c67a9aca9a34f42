using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

public sealed record RevisionInfo(int Number, DateTimeOffset CreatedAt);

public sealed record ReuseInfo(string MemberName, string? OrganisationName, string Note, DateTimeOffset CreatedAt);

/// <summary>What the viewer may do with the report now: both the right and a legal transition.</summary>
public sealed record ReportActions(bool Edit, bool Submit, bool Publish, bool ReturnToDraft, bool Withdraw, bool MarkReused);

public sealed record ReportDetails(
    Guid Id, string? ExternalId, ReportContent Content, OrganisationRef? Organisation, IReadOnlyList<string> CoOrganisations,
    ReportStatus Status, Visibility Visibility, bool IsAnonymous, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? WithdrawnAt, string? WithdrawalReason, int CurrentRevision,
    IReadOnlyList<RevisionInfo> Revisions, IReadOnlyList<ReuseInfo> Reuses, ReportSummary? BuildsOn,
    ReportActions Actions, bool ViewerHasReused);

/// <summary>A report by its id, or by the external id an import gave it.</summary>
public sealed record GetReportQuery(string Id) : IRequest<ReportDetails>;

public sealed class GetReportValidator : AbstractValidator<GetReportQuery>
{
    public GetReportValidator() => RuleFor(q => q.Id).NotEmpty().WithMessage("Ange vilken rapport.")
        .MaximumLength(100).WithMessage("Ogiltigt rapport-id.");
}

internal sealed class GetReportHandler(ILessonsDbContext db, CurrentViewer current) : IRequestHandler<GetReportQuery, ReportDetails>
{
    public async ValueTask<ReportDetails> Handle(GetReportQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var reports = db.Reports.AsNoTracking().Include(r => r.Reuses);
        var report = Guid.TryParse(query.Id, out var id)
            ? await reports.SingleOrDefaultAsync(r => r.Id == id, ct)
            : await reports.SingleOrDefaultAsync(r => r.ExternalId == query.Id, ct);
        if (report is null || !ReportAccess.CanRead(viewer, report)) throw new NotFoundException("Rapporten", query.Id);

        var organisation = ReportAccess.CanSeeOrganisation(viewer, report)
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == report.OrganisationId)
                .Select(o => new OrganisationRef(o.Id, o.Name, o.Type)).SingleAsync(ct)
            : null;
        var revisions = await db.ReportRevisions.AsNoTracking().Where(v => v.ReportId == report.Id)
            .OrderByDescending(v => v.Number).Select(v => new RevisionInfo(v.Number, v.CreatedAt)).ToListAsync(ct);

        var memberIds = report.Reuses.Select(r => r.MemberId).ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        var organisationIds = report.Reuses.Where(r => r.OrganisationId != null).Select(r => r.OrganisationId!.Value).ToList();
        var organisationNames = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var reuses = report.Reuses.OrderBy(r => r.CreatedAt).Select(r => new ReuseInfo(
            members.GetValueOrDefault(r.MemberId, "En medlem"),
            r.OrganisationId is { } o ? organisationNames.GetValueOrDefault(o) : null, r.Note, r.CreatedAt)).ToList();

        ReportSummary? buildsOn = null;
        if (report.BuildsOnReportId is { } precedent)
        {
            buildsOn = (await db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(viewer)).Where(r => r.Id == precedent)
                .Rows(db.Organisations).SingleOrDefaultAsync(ct))?.ToSummary(viewer);
        }

        var hasReused = viewer.UserId is { } me && report.Reuses.Any(r => r.MemberId == me);
        var status = report.Status;
        var actions = new ReportActions(
            Edit: status != ReportStatus.Withdrawn && ReportAccess.MayEdit(viewer, report),
            Submit: status == ReportStatus.Draft && ReportAccess.MayEdit(viewer, report),
            Publish: status is ReportStatus.Draft or ReportStatus.InReview && ReportAccess.MayPublish(viewer, report),
            ReturnToDraft: status == ReportStatus.InReview && ReportAccess.MayPublish(viewer, report),
            Withdraw: status == ReportStatus.Published && ReportAccess.MayWithdraw(viewer, report),
            MarkReused: status == ReportStatus.Published && viewer.IsMember && !ReportAccess.IsAuthor(viewer, report) && !hasReused);

        return new ReportDetails(report.Id, report.ExternalId, report.Content, organisation,
            await db.NamesOfAsync(report.Content.CoOrganisationIds, ct), report.Status, report.Visibility,
            report.IsAnonymous, report.CreatedAt, report.UpdatedAt, report.PublishedAt, report.WithdrawnAt,
            report.WithdrawalReason, report.CurrentRevision, revisions, reuses, buildsOn, actions, hasReused);
    }
}
