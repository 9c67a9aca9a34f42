using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Notifications;

using Mediator;

namespace Lessons.Application.Reports.Commands;

/// <summary>Sends a draft to the organisation's editors for review.</summary>
public sealed record SubmitForReviewCommand(Guid ReportId) : IRequest<Unit>, IRequireMember;

public sealed class SubmitForReviewValidator : AbstractValidator<SubmitForReviewCommand>
{
    public SubmitForReviewValidator() => RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
}

internal sealed class SubmitForReviewHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock, ReportNotifications notifications)
    : IRequestHandler<SubmitForReviewCommand, Unit>
{
    public async ValueTask<Unit> Handle(SubmitForReviewCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.FindForActionAsync(command.ReportId, viewer, ReportAccess.MayEdit,
            "Du kan inte skicka den här rapporten för granskning.", ct);
        report.SubmitForReview(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await notifications.SubmittedAsync(report, viewer, ct);
        return Unit.Value;
    }
}
