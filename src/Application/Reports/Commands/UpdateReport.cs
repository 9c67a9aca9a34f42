using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Organisations;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Commands;

/// <summary>Saves an edit. A draft changes in place; a published report gets a new revision and keeps the old ones,
/// with <paramref name="ChangeNote"/> saying what changed. Changes a moderator must see first wait for one.</summary>
public sealed record UpdateReportCommand(Guid ReportId, ReportInput Input, string? ChangeNote = null) : IRequest<Unit>, IRequireMember;

public sealed class UpdateReportValidator : AbstractValidator<UpdateReportCommand>
{
    public UpdateReportValidator(TimeProvider clock, IMarkdownRenderer markdown)
    {
        RuleFor(c => c.ReportId).NotEmpty().WithMessage("Ange vilken rapport som ska ändras.");
        RuleFor(c => c.Input).NotNull().SetValidator(new ReportInputValidator(clock, markdown));
        RuleFor(c => c.ChangeNote).MaximumLength(500).WithMessage("Ändringsnoteringen får vara högst 500 tecken.");
    }
}

internal sealed class UpdateReportHandler(
    ILessonsDbContext db, CurrentViewer current, OrganisationResolver organisations, TimeProvider clock)
    : IRequestHandler<UpdateReportCommand, Unit>
{
    public async ValueTask<Unit> Handle(UpdateReportCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var report = await db.Reports.Include(r => r.Revisions).FindForActionAsync(command.ReportId, viewer, ReportAccess.MayEdit,
            "Du kan inte ändra den här rapporten.", ct);

        if (report.IsAnonymous && !command.Input.Anonymous && !ReportAccess.MayLiftAnonymity(viewer, report))
            throw new ValidationFailedException("Input." + nameof(ReportInput.Anonymous),
                "Bara författaren eller en moderator kan ta bort anonymiteten.");

        var coOrganisations = await organisations.ResolveCoOrganisationsAsync(command.Input.CoOrganisations, ct);
        report.Edit(command.Input.ToContent(coOrganisations), command.Input.Visibility, command.Input.Anonymous,
            viewer.UserId, command.ChangeNote, approved: viewer.IsModerator, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
