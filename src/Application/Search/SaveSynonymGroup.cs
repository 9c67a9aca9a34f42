using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Search;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Search;

/// <summary>Adds a synonym group (no id) or replaces one. Terms are words or phrases, one per line or comma-separated.</summary>
public sealed record SaveSynonymGroupCommand(Guid? Id, string? Terms) : IRequest<Guid>, IRequireModerator
{
    public IReadOnlyList<string> TermList =>
        [.. (Terms ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

public sealed class SaveSynonymGroupValidator : AbstractValidator<SaveSynonymGroupCommand>
{
    public SaveSynonymGroupValidator()
    {
        RuleFor(c => c.TermList).Must(t => t.Count is >= 2 and <= 12)
            .WithMessage("Skriv mellan 2 och 12 ord eller fraser som betyder samma sak, ett per rad.").OverridePropertyName("Terms");
        RuleForEach(c => c.TermList).MaximumLength(60).WithMessage("Ett ord eller en fras får vara högst 60 tecken.").OverridePropertyName("Terms");
    }
}

internal sealed class SaveSynonymGroupHandler(ILessonsDbContext db, TimeProvider clock) : IRequestHandler<SaveSynonymGroupCommand, Guid>
{
    public async ValueTask<Guid> Handle(SaveSynonymGroupCommand command, CancellationToken ct)
    {
        if (command.Id is { } id)
        {
            var group = await db.SynonymGroups.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new NotFoundException("Synonymgruppen", id);
            group.Replace(command.TermList);
        }
        else
        {
            id = Guid.NewGuid();
            db.SynonymGroups.Add(new SynonymGroup(id, command.TermList, clock.GetUtcNow()));
        }
        await db.SaveChangesAsync(ct);
        return id;
    }
}
