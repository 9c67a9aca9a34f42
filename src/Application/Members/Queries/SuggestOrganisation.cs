using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Reports.Queries;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Members.Queries;

/// <summary>
/// The organisation that has registered the domain of the member's confirmed address, to offer when they pick one,
/// unless they already belong to it. Domains are registered by one organisation at most.
/// </summary>
public sealed record SuggestOrganisationQuery : IRequest<OrganisationRef?>, IRequireMember;

internal sealed class SuggestOrganisationHandler(ILessonsDbContext db, CurrentViewer current)
    : IRequestHandler<SuggestOrganisationQuery, OrganisationRef?>
{
    public async ValueTask<OrganisationRef?> Handle(SuggestOrganisationQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == viewer.UserId, ct);
        // The domains are a JSON column, so they are compared here rather than in SQL (as on confirmation).
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Id != member.OrganisationId).ToListAsync(ct);
        return organisations.Find(o => o.OwnsAddress(member.Email)) is { } o ? new OrganisationRef(o.Id, o.Name, o.Type) : null;
    }
}
