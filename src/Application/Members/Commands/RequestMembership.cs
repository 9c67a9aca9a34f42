using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Notifications;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Members.Commands;

/// <summary><paramref name="ToModerators"/>: the organisation has no editors yet, so the platform's moderators decide.</summary>
public sealed record MembershipOutcome(bool Joined, string OrganisationName, bool ToModerators = false);

/// <summary>
/// A member asks to join an organisation. A confirmed address at one of its registered e-mail domains joins at once;
/// otherwise the request waits for the organisation's editors, or for the moderators while it has none; they are e-mailed.
/// </summary>
public sealed record RequestMembershipCommand(Guid OrganisationId) : IRequest<MembershipOutcome>, IRequireMember;

public sealed class RequestMembershipValidator : AbstractValidator<RequestMembershipCommand>
{
    public RequestMembershipValidator() => RuleFor(c => c.OrganisationId).NotEmpty().WithMessage("Välj en organisation.");
}

internal sealed class RequestMembershipHandler(ILessonsDbContext db, CurrentViewer current, MembershipNotifications notifications)
    : IRequestHandler<RequestMembershipCommand, MembershipOutcome>
{
    public async ValueTask<MembershipOutcome> Handle(RequestMembershipCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OrganisationId, ct)
            ?? throw new ValidationFailedException("OrganisationId", "Välj en organisation ur registret.");
        var member = await db.Members.SingleAsync(m => m.Id == viewer.UserId, ct);
        var joined = organisation.OwnsAddress(member.Email);
        if (joined) member.Join(organisation.Id);
        else member.RequestToJoin(organisation.Id);
        await db.SaveChangesAsync(ct);
        var toModerators = !joined && await notifications.RequestedAsync(member, organisation, ct);
        return new MembershipOutcome(joined, organisation.Name, toModerators);
    }
}
