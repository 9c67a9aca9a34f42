using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Commands;

/// <summary>Registers (or removes) an e-mail domain: confirmed addresses at it join the organisation directly.</summary>
public sealed record ChangeEmailDomainCommand(Guid OrganisationId, string? Domain, bool Remove = false) : IRequest<Unit>, IRequireMember;

public sealed class ChangeEmailDomainValidator : AbstractValidator<ChangeEmailDomainCommand>
{
    public ChangeEmailDomainValidator()
    {
        RuleFor(c => c.OrganisationId).NotEmpty().WithMessage("Ange organisationen.");
        RuleFor(c => c.Domain).NotEmpty().WithMessage("Skriv domänen, till exempel nacka.se.")
            .MaximumLength(253).WithMessage("Domänen är för lång.");
    }
}

internal sealed class ChangeEmailDomainHandler(ILessonsDbContext db, CurrentViewer current)
    : IRequestHandler<ChangeEmailDomainCommand, Unit>
{
    public async ValueTask<Unit> Handle(ChangeEmailDomainCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        if (!OrganisationAccess.CanManage(viewer, command.OrganisationId))
            throw new ForbiddenException("Bara organisationens redaktörer hanterar dess e-postdomäner.");
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == command.OrganisationId, ct)
            ?? throw new NotFoundException("Organisationen", command.OrganisationId);
        if (command.Remove)
        {
            organisation.RemoveEmailDomain(command.Domain!);
        }
        else
        {
            var domain = Domain.Organisations.Organisation.NormaliseDomain(command.Domain!);
            // A domain belongs to one organisation, or addresses would join whichever was registered first.
            var others = await db.Organisations.AsNoTracking().Where(o => o.Id != organisation.Id).ToListAsync(ct);
            if (others.Any(o => o.EmailDomains.Contains(domain)))
                throw new ValidationFailedException("Domain", $"Domänen {domain} är redan registrerad för en annan organisation.");
            organisation.AddEmailDomain(domain);
        }
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
