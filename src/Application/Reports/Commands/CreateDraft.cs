using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Organisations;
using Lessons.Domain.Reports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Commands;

/// <summary>A member starts a report for their organisation. <paramref name="BuildsOn"/> links it to a precedent.</summary>
public sealed record CreateDraftCommand(ReportInput Input, Guid? BuildsOn = null) : IRequest<Guid>, IRequireMember;

public sealed class CreateDraftValidator : AbstractValidator<CreateDraftCommand>
{
    public CreateDraftValidator(TimeProvider clock, IMarkdownRenderer markdown) =>
        RuleFor(c => c.Input).NotNull().SetValidator(new ReportInputValidator(clock, markdown));
}

internal sealed class CreateDraftHandler(
    ILessonsDbContext db, CurrentViewer current, OrganisationResolver organisations, TimeProvider clock)
    : IRequestHandler<CreateDraftCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreateDraftCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        if (viewer.OrganisationId is not { } organisationId)
            throw new ForbiddenException("Gå med i din organisation innan du skriver en rapport (under Mitt konto).");

        var coOrganisations = await organisations.ResolveCoOrganisationsAsync(command.Input.CoOrganisations, ct);
        var report = Report.Draft(organisationId, viewer.UserId!.Value,
            command.Input.ToContent(coOrganisations), command.Input.Visibility, command.Input.Anonymous, clock.GetUtcNow());
        if (command.BuildsOn is { } precedent)
        {
            await db.Reports.Where(ReportAccess.PublishedVisibleTo(viewer)).FindVisibleAsync(precedent, viewer, ct);
            report.LinkTo(precedent);
        }
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}
