using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Members.Commands;

/// <summary>The signed-in member chooses the language of their mails: <c>sv</c> or <c>en</c>.</summary>
public sealed record ChooseMailLanguageCommand(string Language) : IRequest<Unit>, IRequireMember;

public sealed class ChooseMailLanguageValidator : AbstractValidator<ChooseMailLanguageCommand>
{
    public ChooseMailLanguageValidator() =>
        RuleFor(c => c.Language).Must(LanguageCodes.IsKnown).WithMessage("Välj svenska eller engelska.").OverridePropertyName("language");
}

internal sealed class ChooseMailLanguageHandler(ILessonsDbContext db, CurrentViewer current) : IRequestHandler<ChooseMailLanguageCommand, Unit>
{
    public async ValueTask<Unit> Handle(ChooseMailLanguageCommand command, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var member = await db.Members.SingleAsync(m => m.Id == viewer.UserId, ct);
        member.ChooseLanguage(command.Language);
        // The subscription linked to the account is the same person's: its digest follows the one choice.
        foreach (var subscriber in await db.Subscribers.Where(s => s.MemberId == member.Id).ToListAsync(ct))
            subscriber.ChooseLanguage(command.Language);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
