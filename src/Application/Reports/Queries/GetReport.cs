using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

/// <summary>A revision in "Versioner": who made it (when the viewer may know) and their note on what changed.</summary>
public sealed record RevisionInfo(int Number, DateTimeOffset CreatedAt, string? EditedBy = null, string? ChangeNote = null,
    RevisionState State = RevisionState.Approved, bool Redacted = false);

public sealed record ReuseInfo(string MemberName, string? OrganisationName, string Note, DateTimeOffset CreatedAt);

/// <summary>What the viewer may do with the report now: both the right and a legal transition.</summary>
public sealed record ReportActions(bool Edit, bool Submit, bool Publish, bool ReturnToDraft, bool Withdraw, bool MarkReused,
    bool ModerateChange = false, bool Redact = false);

public sealed record ReportDetails(
    Guid Id, string? ExternalId, ReportContent Content, OrganisationRef? Organisation, IReadOnlyList<string> CoOrganisations,
    ReportStatus Status, Visibility Visibility, bool IsAnonymous, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? WithdrawnAt, string? WithdrawalReason, int CurrentRevision,
    IReadOnlyList<RevisionInfo> Revisions, IReadOnlyList<ReuseInfo> Reuses, ReportSummary? BuildsOn,
    ReportActions Actions, bool ViewerHasReused, SectionsHtml Html, string? ReturnComment = null, RevisionInfo? PendingChange = null);

/// <summary>A report by its id, or by the external id an import gave it.</summary>
public sealed record GetReportQuery(string Id) : IRequest<ReportDetails>;

public sealed class GetReportValidator : AbstractValidator<GetReportQuery>
{
    public GetReportValidator() => RuleFor(q => q.Id).NotEmpty().WithMessage("Ange vilken rapport.")
        .MaximumLength(100).WithMessage("Ogiltigt rapport-id.");
}

internal sealed class GetReportHandler(ILessonsDbContext db, CurrentViewer current, IMarkdownRenderer markdown) : IRequestHandler<GetReportQuery, ReportDetails>
{
    public async ValueTask<ReportDetails> Handle(GetReportQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var reports = db.Reports.AsNoTracking().Include(r => r.Reuses).Include(r => r.Revisions).AsSplitQuery();
        var report = Guid.TryParse(query.Id, out var id)
            ? await reports.SingleOrDefaultAsync(r => r.Id == id, ct)
            : await reports.SingleOrDefaultAsync(r => r.ExternalId == query.Id, ct);
        if (report is null || !ReportAccess.CanRead(viewer, report)) throw new NotFoundException("Rapporten", query.Id);

        var organisation = ReportAccess.CanSeeOrganisation(viewer, report)
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == report.OrganisationId)
                .Select(o => new OrganisationRef(o.Id, o.Name, o.Type)).SingleAsync(ct)
            : null;
        var staff = ReportAccess.MayEdit(viewer, report);
        var seesOrganisation = ReportAccess.CanSeeOrganisation(viewer, report);
        var shown = report.Revisions.Where(v => ReportAccess.CanReadRevision(viewer, report, v)).ToList();
        var editorIds = shown.Where(v => v.EditedBy != null).Select(v => v.EditedBy!.Value).Distinct().ToList();
        var editors = await db.Members.AsNoTracking().Where(m => editorIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        RevisionInfo Info(ReportRevision v) => new(v.Number, v.CreatedAt,
            v.EditedBy is { } by ? editors.GetValueOrDefault(by) : null, v.ChangeNote, v.State, v.RedactedAt is not null);
        var revisions = shown.Where(v => v.State == RevisionState.Approved).OrderByDescending(v => v.Number).Select(Info).ToList();
        var pending = report.PendingRevision is { } waiting && staff ? Info(waiting) : null;

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
            MarkReused: status == ReportStatus.Published && viewer.IsMember && !ReportAccess.IsAuthor(viewer, report) && !hasReused
                && viewer.OrganisationId != report.OrganisationId,
            ModerateChange: status == ReportStatus.Published && report.PendingRevision?.State == RevisionState.Pending
                && ReportAccess.MayModerate(viewer, report),
            Redact: status != ReportStatus.Draft && ReportAccess.MayModerate(viewer, report));

        // Contact details and co-organisations of an anonymous report point straight at its organisation.
        var content = seesOrganisation ? report.Content
            : report.Content with { ContactName = null, ContactEmail = null, CoOrganisationIds = [] };

        return new ReportDetails(report.Id, report.ExternalId, content, organisation,
            await db.NamesOfAsync(content.CoOrganisationIds, ct), report.Status, report.Visibility,
            report.IsAnonymous, report.CreatedAt, report.UpdatedAt, report.PublishedAt, report.WithdrawnAt,
            report.WithdrawalReason, report.CurrentRevision, revisions, reuses, buildsOn, actions, hasReused,
            await StoredSectionsHtml.OfReportAsync(db, markdown, report, ct),
            staff ? report.ReturnComment : null, pending);
    }
}
