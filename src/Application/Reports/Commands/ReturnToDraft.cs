using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

namespace Lessons.Application.Reports.Commands;

/// <summary>Sends a report in review back to its author.</summary>
public sealed record ReturnToDraftCommand(Guid ReportId) : IRequest<Unit>, IRequireMember;

public sealed class ReturnToDraftValidator : AbstractValidator<ReturnToDraftCommand>
{
    public ReturnToDraftValidator() => RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
}

internal sealed class ReturnToDraftHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock)
    : IRequestHandler<ReturnToDraftCommand, Unit>
{
    public async ValueTask<Unit> Handle(ReturnToDraftCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.FindForActionAsync(command.ReportId, viewer, ReportAccess.MayPublish,
            "Bara den som får publicera rapporten kan skicka tillbaka den.", ct);
        report.ReturnToDraft(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
