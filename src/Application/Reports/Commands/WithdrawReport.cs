using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

namespace Lessons.Application.Reports.Commands;

/// <summary>Takes a published report off the platform. Its revisions stay for the organisation's own record.</summary>
public sealed record WithdrawReportCommand(Guid ReportId, string? Reason) : IRequest<Unit>, IRequireMember;

public sealed class WithdrawReportValidator : AbstractValidator<WithdrawReportCommand>
{
    public WithdrawReportValidator()
    {
        RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport det gäller.");
        RuleFor(c => c.Reason).MaximumLength(1000).WithMessage("Motiveringen får vara högst 1 000 tecken.");
    }
}

internal sealed class WithdrawReportHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock)
    : IRequestHandler<WithdrawReportCommand, Unit>
{
    public async ValueTask<Unit> Handle(WithdrawReportCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.FindForActionAsync(command.ReportId, viewer, ReportAccess.MayWithdraw,
            "Bara författaren och organisationens redaktörer kan dra tillbaka rapporten.", ct);
        report.Withdraw(command.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
