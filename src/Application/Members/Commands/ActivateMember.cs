using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Domain;
using Lessons.Domain.Members;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Members.Commands;

/// <summary>
/// Sent by the host once a person has proven their e-mail address (the confirmation link). Creates the member and,
/// if an organisation has registered the address's domain, makes them a member of it.
/// </summary>
/// <param name="Language">The mails' language, from the interface the address was confirmed in; null is Swedish.</param>
public sealed record ActivateMemberCommand(Guid UserId, string Email, string DisplayName, string? Language = null) : IRequest<Unit>;

public sealed class ActivateMemberValidator : AbstractValidator<ActivateMemberCommand>
{
    public ActivateMemberValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Email).NotEmpty().EmailAddress().WithMessage("Ogiltig e-postadress.");
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Ange ditt namn.").MaximumLength(100).WithMessage("Namnet får vara högst 100 tecken.");
    }
}

internal sealed class ActivateMemberHandler(ILessonsDbContext db, TimeProvider clock) : IRequestHandler<ActivateMemberCommand, Unit>
{
    public async ValueTask<Unit> Handle(ActivateMemberCommand command, CancellationToken ct)
    {
        if (await db.Members.AnyAsync(m => m.Id == command.UserId, ct)) return Unit.Value;
        var member = new Member(command.UserId, command.Email, command.DisplayName, clock.GetUtcNow(), LanguageCodes.OrSwedish(command.Language));
        var domain = command.Email[(command.Email.LastIndexOf('@') + 1)..].Trim().ToLowerInvariant();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        if (organisations.FirstOrDefault(o => o.EmailDomains.Contains(domain)) is { } organisation) member.Join(organisation.Id);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
