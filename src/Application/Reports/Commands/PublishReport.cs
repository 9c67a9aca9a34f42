using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Notifications;

using Mediator;

namespace Lessons.Application.Reports.Commands;

/// <summary>Publishes a report: the organisation's editors do, or moderators for anonymous reports.</summary>
public sealed record PublishReportCommand(Guid ReportId) : IRequest<Unit>, IRequireMember;

public sealed class PublishReportValidator : AbstractValidator<PublishReportCommand>
{
    public PublishReportValidator() => RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
}

internal sealed class PublishReportHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock, ReportNotifications notifications)
    : IRequestHandler<PublishReportCommand, Unit>
{
    public async ValueTask<Unit> Handle(PublishReportCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.FindForActionAsync(command.ReportId, viewer, ReportAccess.MayPublish,
            "Bara organisationens redaktörer publicerar, och anonyma rapporter publiceras av moderatorer.", ct);
        report.Publish(viewer.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await notifications.PublishedAsync(report, viewer, ct);
        return Unit.Value;
    }
}
