using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Security;

using Mediator;

namespace Lessons.Application.Common.Behaviors;

/// <summary>
/// The coarse gate: requests marked as needing a member, a moderator or an administrator stop here. The fine rules
/// (this organisation's drafts, anonymous reports) need the entity and live in the handlers through ReportAccess.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(CurrentViewer current)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IRequireMember or IRequireModerator or IRequireAdmin)
        {
            var viewer = await current.GetAsync(cancellationToken);
            if (!viewer.IsSignedIn) throw new SignInRequiredException();
            if (message is IRequireAdmin && !viewer.IsAdmin) throw new ForbiddenException();
            if (message is IRequireModerator && !viewer.IsModerator) throw new ForbiddenException();
            if (message is IRequireMember && !viewer.IsMember)
                throw new ForbiddenException("Bekräfta din e-postadress först, så kan du göra det här.");
        }
        return await next(message, cancellationToken);
    }
}
