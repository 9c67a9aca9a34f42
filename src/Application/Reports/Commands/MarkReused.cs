using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Notifications;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Commands;

/// <summary>"Vi har återanvänt detta": a member says their organisation tried this too. This is how spread is measured.</summary>
public sealed record MarkReusedCommand(Guid ReportId, string? Note) : IRequest<Unit>, IRequireMember;

public sealed class MarkReusedValidator : AbstractValidator<MarkReusedCommand>
{
    public MarkReusedValidator()
    {
        RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
        RuleFor(c => c.Note).NotEmpty().WithMessage("Skriv en kort rad om vad ni återanvände och hur det gick.")
            .MaximumLength(500).WithMessage("Anteckningen får vara högst 500 tecken.");
    }
}

internal sealed class MarkReusedHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock, ReportNotifications notifications)
    : IRequestHandler<MarkReusedCommand, Unit>
{
    public async ValueTask<Unit> Handle(MarkReusedCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.Include(r => r.Reuses).FindVisibleAsync(command.ReportId, viewer, ct);
        report.MarkReused(viewer.UserId!.Value, viewer.OrganisationId, command.Note!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await notifications.ReusedAsync(report, viewer, command.Note!, ct);
        return Unit.Value;
    }
}
