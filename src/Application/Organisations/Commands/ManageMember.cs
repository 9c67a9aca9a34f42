using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Notifications;
using Lessons.Domain;
using Lessons.Domain.Members;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Commands;

public enum MemberAction
{
    Approve,
    Decline,
    MakeEditor,
    MakeMember,
    Remove,
}

/// <summary>An editor (or a moderator) answers membership requests and decides who else edits.</summary>
public sealed record ManageMemberCommand(Guid OrganisationId, Guid MemberId, MemberAction Action) : IRequest<Unit>, IRequireMember;

public sealed class ManageMemberValidator : AbstractValidator<ManageMemberCommand>
{
    public ManageMemberValidator()
    {
        RuleFor(c => c.OrganisationId).NotEmpty().WithMessage("Ange organisationen.");
        RuleFor(c => c.MemberId).NotEmpty().WithMessage("Ange vem det gäller.");
        RuleFor(c => c.Action).IsInEnum().WithMessage("Okänd åtgärd.");
    }
}

internal sealed class ManageMemberHandler(ILessonsDbContext db, CurrentViewer current, MembershipNotifications notifications)
    : IRequestHandler<ManageMemberCommand, Unit>
{
    public async ValueTask<Unit> Handle(ManageMemberCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        if (!OrganisationAccess.CanManage(viewer, command.OrganisationId))
            throw new ForbiddenException("Bara organisationens redaktörer hanterar dess medlemmar.");
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == command.MemberId
            && (m.OrganisationId == command.OrganisationId || m.RequestedOrganisationId == command.OrganisationId), ct)
            ?? throw new NotFoundException("Medlemmen", command.MemberId);
        var requested = member.RequestedOrganisationId == command.OrganisationId;

        switch (command.Action)
        {
            case MemberAction.Approve when requested: member.Join(command.OrganisationId); break;
            case MemberAction.Decline when requested: member.DeclineRequest(); break;
            case MemberAction.MakeEditor when !requested: member.SetRole(MemberRole.Editor); break;
            case MemberAction.MakeMember when !requested: member.SetRole(MemberRole.Member); break;
            case MemberAction.Remove when !requested:
                if (member.Id == viewer.UserId) throw new DomainRuleException("Du kan inte ta bort dig själv.");
                member.LeaveOrganisation();
                break;
            default: throw new DomainRuleException(requested ? "Ansökan kan bara godkännas eller avslås." : "Personen är redan medlem.");
        }
        await db.SaveChangesAsync(ct);
        if (command.Action == MemberAction.Approve)
        {
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == command.OrganisationId, ct);
            await notifications.ApprovedAsync(member, organisation, viewer.UserId, ct);
        }
        return Unit.Value;
    }
}
