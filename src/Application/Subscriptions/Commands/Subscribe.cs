using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain;
using Lessons.Domain.Subscriptions;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions.Commands;

/// <summary>
/// Subscribe an address to the digest (double opt-in: a confirmation mail, nothing counts before it is confirmed).
/// The answer is the same whether or not the address was known, so a stranger learns nothing about who subscribes.
/// </summary>
/// <param name="Language">The language the mails are written in (<see cref="LanguageCodes"/>); the pages send the
/// language they were read in, and null is Swedish.</param>
public sealed record SubscribeCommand(string Email, FollowChoice Follows, string? Language = null) : IRequest<Unit>;

public sealed class SubscribeValidator : AbstractValidator<SubscribeCommand>
{
    public SubscribeValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Ange din e-postadress.").OverridePropertyName("email");
        RuleFor(c => c.Email).EmailAddress().MaximumLength(256).When(c => !string.IsNullOrWhiteSpace(c.Email))
            .WithMessage("Ogiltig e-postadress.").OverridePropertyName("email");
        RuleFor(c => c.Language).Must(l => l is null || LanguageCodes.IsKnown(l))
            .WithMessage("Välj svenska eller engelska.").OverridePropertyName("language");
        RuleFor(c => c.Follows).NotNull().WithMessage("Välj minst en sak att bevaka.").OverridePropertyName("follows");
        RuleFor(c => c.Follows).SetValidator(new FollowChoiceValidator()).OverridePropertyName("follows").When(c => c.Follows is not null);
        RuleFor(c => c.Follows).Must(f => !f.IsEmpty).When(c => c.Follows is not null)
            .WithMessage("Välj minst en sak att bevaka.").OverridePropertyName("follows");
    }
}

internal sealed class SubscribeHandler(ILessonsDbContext db, SubscriptionMails mails, CurrentViewer current, TimeProvider clock)
    : IRequestHandler<SubscribeCommand, Unit>
{
    public async ValueTask<Unit> Handle(SubscribeCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = Subscriber.NormaliseEmail(command.Email);
        var subscriber = await db.Subscribers.Include(s => s.Follows).SingleOrDefaultAsync(s => s.Email == email, ct);
        if (subscriber is null)
        {
            subscriber = new Subscriber(Guid.NewGuid(), email, now, language: LanguageCodes.OrSwedish(command.Language));
            db.Subscribers.Add(subscriber);
        }
        // A signed-in member subscribing their own account's address: linked, so the digest carries the members-only
        // reports they may read. Another address is linked to nobody, whoever is signed in.
        var viewer = await current.GetAsync(ct);
        var own = viewer.IsMember ? await db.Members.Where(m => m.Id == viewer.UserId).Select(m => m.Email).SingleOrDefaultAsync(ct) : null;
        if (own is not null && Subscriber.NormaliseEmail(own) == email) subscriber.LinkMember(viewer.UserId!.Value);
        switch (subscriber.Status)
        {
            case SubscriberStatus.Confirmed:
                // Only the owner of the address changes a confirmed subscription, through the link in this mail.
                await db.SaveChangesAsync(ct);
                await mails.AlreadySubscribedAsync(subscriber, ct);
                return Unit.Value;
            case SubscriberStatus.Suspended:
                // The address bounces: a mail would bounce too. The follows stay, shown on its manage page.
                await db.SaveChangesAsync(ct);
                return Unit.Value;
        }
        // Whoever asks now reads the confirmation: an address not confirmed yet (or unsubscribed) takes their language.
        subscriber.ChooseLanguage(LanguageCodes.OrSwedish(command.Language));
        subscriber.Resubscribe();
        foreach (var follow in await command.Follows.ToFollowsAsync(db, subscriber.Id, now, ct)) subscriber.AddFollow(follow);
        await db.SaveChangesAsync(ct);
        await mails.ConfirmationAsync(subscriber, ct);
        return Unit.Value;
    }
}
