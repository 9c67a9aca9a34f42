using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Domain;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions.Commands;

/// <summary>
/// A subscriber chooses the language of their mails (<c>sv</c> or <c>en</c>) on the manage page of a link in a mail;
/// the next digest is written in it. A member's own choice on the account page covers their linked subscription too.
/// </summary>
public sealed record ChooseDigestLanguageCommand(string Token, string Language) : IRequest<Unit>;

public sealed class ChooseDigestLanguageValidator : AbstractValidator<ChooseDigestLanguageCommand>
{
    public ChooseDigestLanguageValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(1000);
        RuleFor(c => c.Language).Must(LanguageCodes.IsKnown).WithMessage("Välj svenska eller engelska.").OverridePropertyName("language");
    }
}

internal sealed class ChooseDigestLanguageHandler(ILessonsDbContext db, ISubscriberTokens tokens)
    : IRequestHandler<ChooseDigestLanguageCommand, Unit>
{
    public async ValueTask<Unit> Handle(ChooseDigestLanguageCommand command, CancellationToken ct)
    {
        var id = tokens.Read(command.Token, SubscriberTokenPurpose.Manage) ?? throw new NotFoundException("Subscription", "token");
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Subscription", id);
        subscriber.ChooseLanguage(command.Language);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
