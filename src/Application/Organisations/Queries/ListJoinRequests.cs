using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Members;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Queries;

public sealed record JoinRequest(
    Guid MemberId, string DisplayName, string Email, Guid OrganisationId, string OrganisationName, bool OrganisationHasEditors);

/// <summary>
/// Every pending join request on the platform, for the moderators. Requests to organisations without editors have
/// nobody else to answer them, so they come first.
/// </summary>
public sealed record ListJoinRequestsQuery : IRequest<IReadOnlyList<JoinRequest>>, IRequireModerator;

internal sealed class ListJoinRequestsHandler(ILessonsDbContext db) : IRequestHandler<ListJoinRequestsQuery, IReadOnlyList<JoinRequest>>
{
    public async ValueTask<IReadOnlyList<JoinRequest>> Handle(ListJoinRequestsQuery query, CancellationToken ct)
    {
        var rows = await (
                from member in db.Members.AsNoTracking()
                join organisation in db.Organisations.AsNoTracking() on member.RequestedOrganisationId equals organisation.Id
                select new
                {
                    member.Id, member.DisplayName, member.Email, OrganisationId = organisation.Id, organisation.Name,
                    HasEditors = db.Members.Any(e => e.OrganisationId == organisation.Id && e.Role == MemberRole.Editor),
                })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.HasEditors).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => new JoinRequest(r.Id, r.DisplayName, r.Email, r.OrganisationId, r.Name, r.HasEditors))];
    }
}
