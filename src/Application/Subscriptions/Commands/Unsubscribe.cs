using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions.Commands;

/// <summary>
/// Cancel one follow (<paramref name="FollowId"/>) or everything (null), with the token of a link in a mail. A follow
/// of another subscriber is refused as unknown, whatever token comes with it.
/// </summary>
public sealed record UnsubscribeCommand(string Token, Guid? FollowId = null) : IRequest<Unit>;

public sealed class UnsubscribeValidator : AbstractValidator<UnsubscribeCommand>
{
    public UnsubscribeValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(1000);
}

internal sealed class UnsubscribeHandler(ILessonsDbContext db, ISubscriberTokens tokens, TimeProvider clock)
    : IRequestHandler<UnsubscribeCommand, Unit>
{
    public async ValueTask<Unit> Handle(UnsubscribeCommand command, CancellationToken ct)
    {
        var id = tokens.Read(command.Token, SubscriberTokenPurpose.Manage) ?? throw new NotFoundException("Subscription", "token");
        var subscriber = await db.Subscribers.Include(s => s.Follows).SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("Subscription", id);
        if (command.FollowId is { } followId)
        {
            if (!subscriber.RemoveFollow(followId)) throw new NotFoundException("Follow", followId);
        }
        else
        {
            subscriber.Unsubscribe(clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
