using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Subscriptions;

using Mediator;

namespace Lessons.Application.Subscriptions.Commands;

/// <summary>
/// A signed-in member replaces what they follow, from the account page. The first save makes their subscriber, at
/// the account's address and linked to the account, and confirms it at once: the member confirmed that address when
/// the account was made, so a second opt-in would prove nothing.
/// </summary>
public sealed record SaveMyFollowsCommand(FollowChoice Follows) : IRequest<Unit>, IRequireMember;

public sealed class SaveMyFollowsValidator : AbstractValidator<SaveMyFollowsCommand>
{
    public SaveMyFollowsValidator() =>
        RuleFor(c => c.Follows).NotNull().SetValidator(new FollowChoiceValidator()).OverridePropertyName("follows");
}

internal sealed class SaveMyFollowsHandler(ILessonsDbContext db, CurrentViewer current, TimeProvider clock)
    : IRequestHandler<SaveMyFollowsCommand, Unit>
{
    public async ValueTask<Unit> Handle(SaveMyFollowsCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var now = clock.GetUtcNow();
        var (email, subscriber) = await MemberSubscriber.FindAsync(db, viewer, tracked: true, ct);
        if (subscriber is null)
        {
            if (command.Follows.IsEmpty) return Unit.Value;
            subscriber = new Subscriber(Guid.NewGuid(), email, now, viewer.UserId);
            db.Subscribers.Add(subscriber);
        }
        subscriber.LinkMember(viewer.UserId!.Value);
        subscriber.ReplaceFollows(await command.Follows.ToFollowsAsync(db, subscriber.Id, now, ct));
        // Choosing follows is asking for the digest; a suspended address stays suspended (its mail bounces).
        if (!command.Follows.IsEmpty && subscriber.Status is SubscriberStatus.Pending or SubscriberStatus.Unsubscribed) subscriber.Confirm(now);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
