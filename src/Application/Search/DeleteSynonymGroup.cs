using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Search;

public sealed record DeleteSynonymGroupCommand(Guid Id) : IRequest<Unit>, IRequireModerator;

internal sealed class DeleteSynonymGroupHandler(ILessonsDbContext db) : IRequestHandler<DeleteSynonymGroupCommand, Unit>
{
    public async ValueTask<Unit> Handle(DeleteSynonymGroupCommand command, CancellationToken ct)
    {
        var group = await db.SynonymGroups.SingleOrDefaultAsync(g => g.Id == command.Id, ct) ?? throw new NotFoundException("Synonymgruppen", command.Id);
        db.SynonymGroups.Remove(group);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
