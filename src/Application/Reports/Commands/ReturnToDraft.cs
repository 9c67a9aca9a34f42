using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Notifications;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Commands;

/// <summary>
/// "Skicka tillbaka till författaren": a report in review goes back to its author as a draft, or a moderator sends a
/// waiting change of a published report back (readers keep the current version). Either way with a comment that
/// the author sees on the report and receives by e-mail.
/// </summary>
public sealed record ReturnToDraftCommand(Guid ReportId, string? Comment) : IRequest<Unit>, IRequireMember;

public sealed class ReturnToDraftValidator : AbstractValidator<ReturnToDraftCommand>
{
    public ReturnToDraftValidator()
    {
        RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
        RuleFor(c => c.Comment).NotEmpty().WithMessage("Skriv en kommentar till författaren om vad som behöver ändras.")
            .MaximumLength(2000).WithMessage("Kommentaren får vara högst 2 000 tecken.");
    }
}

internal sealed class ReturnToDraftHandler(
    ILessonsDbContext db, CurrentViewer current, TimeProvider clock, ReportNotifications notifications)
    : IRequestHandler<ReturnToDraftCommand, Unit>
{
    public async ValueTask<Unit> Handle(ReturnToDraftCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.Include(r => r.Revisions).FindForActionAsync(command.ReportId, viewer,
            (v, r) => r.Status == ReportStatus.Published ? ReportAccess.MayModerate(v, r) : ReportAccess.MayPublish(v, r),
            "Bara den som får publicera rapporten kan skicka tillbaka den.", ct);
        var change = report.Status == ReportStatus.Published;
        if (change) report.ReturnPendingRevision(command.Comment!, clock.GetUtcNow());
        else report.ReturnToDraft(command.Comment!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        // A change goes back to whoever made it; a draft to its author.
        var (to, title) = change ? (report.PendingRevision!.EditedBy, report.PendingRevision.Content.Title) : (report.AuthorId, report.Content.Title);
        await notifications.ReturnedAsync(report, viewer, to, title, change, ct);
        return Unit.Value;
    }
}
