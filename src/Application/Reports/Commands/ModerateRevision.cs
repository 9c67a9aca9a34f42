using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Commands;

/// <summary>A moderator lets a waiting change of a published report through: readers see it from now on, and the
/// index follows (the save writes the outbox row).</summary>
public sealed record ApproveRevisionCommand(Guid ReportId) : IRequest<Unit>, IRequireMember;

public sealed class ApproveRevisionValidator : AbstractValidator<ApproveRevisionCommand>
{
    public ApproveRevisionValidator() => RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
}

internal sealed class ApproveRevisionHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock)
    : IRequestHandler<ApproveRevisionCommand, Unit>
{
    public async ValueTask<Unit> Handle(ApproveRevisionCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.Include(r => r.Revisions).FindForActionAsync(command.ReportId, viewer,
            ReportAccess.MayModerate, "Bara moderatorer godkänner ändringar av publicerade rapporter.", ct);
        report.ApprovePendingRevision(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

/// <summary>A moderator takes the text of an earlier revision away for good, for a slip that named what it should not.</summary>
public sealed record RedactRevisionCommand(Guid ReportId, int Number) : IRequest<Unit>, IRequireMember;

public sealed class RedactRevisionValidator : AbstractValidator<RedactRevisionCommand>
{
    public RedactRevisionValidator()
    {
        RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
        RuleFor(c => c.Number).GreaterThan(0).WithMessage("Versionsnumret börjar på 1.");
    }
}

internal sealed class RedactRevisionHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock)
    : IRequestHandler<RedactRevisionCommand, Unit>
{
    public async ValueTask<Unit> Handle(RedactRevisionCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.Include(r => r.Revisions).FindForActionAsync(command.ReportId, viewer,
            ReportAccess.MayModerate, "Bara moderatorer kan ta bort en version.", ct);
        report.RedactRevision(command.Number, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
