using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Search;

public sealed record SynonymGroupInfo(Guid Id, IReadOnlyList<string> Terms);

/// <summary>The synonym list, for the moderators' page.</summary>
public sealed record ListSynonymGroupsQuery : IRequest<IReadOnlyList<SynonymGroupInfo>>, IRequireModerator;

internal sealed class ListSynonymGroupsHandler(ILessonsDbContext db) : IRequestHandler<ListSynonymGroupsQuery, IReadOnlyList<SynonymGroupInfo>>
{
    public async ValueTask<IReadOnlyList<SynonymGroupInfo>> Handle(ListSynonymGroupsQuery query, CancellationToken ct)
    {
        var groups = await db.SynonymGroups.AsNoTracking().ToListAsync(ct);
        return [.. groups.Select(g => new SynonymGroupInfo(g.Id, g.Terms)).OrderBy(g => g.Terms[0], StringComparer.Ordinal)];
    }
}
