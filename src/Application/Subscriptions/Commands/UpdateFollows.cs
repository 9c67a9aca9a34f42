using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions.Commands;

/// <summary>Replace what a subscriber follows, from the manage page of a link in a mail.</summary>
public sealed record UpdateFollowsCommand(string Token, FollowChoice Follows) : IRequest<Unit>;

public sealed class UpdateFollowsValidator : AbstractValidator<UpdateFollowsCommand>
{
    public UpdateFollowsValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.Follows).NotNull().SetValidator(new FollowChoiceValidator()).OverridePropertyName("follows");
    }
}

internal sealed class UpdateFollowsHandler(ILessonsDbContext db, ISubscriberTokens tokens, TimeProvider clock)
    : IRequestHandler<UpdateFollowsCommand, Unit>
{
    public async ValueTask<Unit> Handle(UpdateFollowsCommand command, CancellationToken ct)
    {
        var id = tokens.Read(command.Token, SubscriberTokenPurpose.Manage) ?? throw new NotFoundException("Subscription", "token");
        var subscriber = await db.Subscribers.Include(s => s.Follows).SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("Subscription", id);
        subscriber.ReplaceFollows(await command.Follows.ToFollowsAsync(db, subscriber.Id, clock.GetUtcNow(), ct));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
