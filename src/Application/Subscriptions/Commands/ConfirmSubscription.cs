using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions.Commands;

/// <summary>
/// The second step of double opt-in, sent by the POST of the page the confirmation link opens (never by the GET, so a
/// mail scanner that follows links confirms nothing). Returns the manage token for the page that follows.
/// </summary>
public sealed record ConfirmSubscriptionCommand(string Token) : IRequest<string>;

public sealed class ConfirmSubscriptionValidator : AbstractValidator<ConfirmSubscriptionCommand>
{
    public ConfirmSubscriptionValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(1000);
}

internal sealed class ConfirmSubscriptionHandler(ILessonsDbContext db, ISubscriberTokens tokens, TimeProvider clock)
    : IRequestHandler<ConfirmSubscriptionCommand, string>
{
    public async ValueTask<string> Handle(ConfirmSubscriptionCommand command, CancellationToken ct)
    {
        var id = tokens.Read(command.Token, SubscriberTokenPurpose.Confirm) ?? throw new NotFoundException("Subscription", "token");
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Subscription", id);
        subscriber.Confirm(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return tokens.Issue(subscriber.Id, SubscriberTokenPurpose.Manage);
    }
}
