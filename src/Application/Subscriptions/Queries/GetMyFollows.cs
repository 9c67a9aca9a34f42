using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

namespace Lessons.Application.Subscriptions.Queries;

/// <summary>A member's subscription for the account page; <see cref="Subscription"/> is null until they follow something.</summary>
public sealed record MyFollows(string Email, SubscriptionView? Subscription);

public sealed record GetMyFollowsQuery : IRequest<MyFollows>, IRequireMember;

internal sealed class GetMyFollowsHandler(ILessonsDbContext db, CurrentViewer current) : IRequestHandler<GetMyFollowsQuery, MyFollows>
{
    public async ValueTask<MyFollows> Handle(GetMyFollowsQuery query, CancellationToken ct)
    {
        var (email, subscriber) = await MemberSubscriber.FindAsync(db, await current.GetAsync(ct), tracked: false, ct);
        return new MyFollows(email, subscriber is null ? null : await GetSubscriptionHandler.ViewAsync(db, subscriber, ct));
    }
}
