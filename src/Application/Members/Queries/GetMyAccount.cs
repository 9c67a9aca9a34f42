using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Reports.Queries;
using Lessons.Domain.Members;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Members.Queries;

public sealed record MyAccount(
    Guid Id, string DisplayName, string Email, OrganisationRef? Organisation, MemberRole Role, OrganisationRef? Requested,
    bool IsModerator, bool IsAdmin, string Language = "sv");

public sealed record GetMyAccountQuery : IRequest<MyAccount>, IRequireMember;

internal sealed class GetMyAccountHandler(ILessonsDbContext db, CurrentViewer current) : IRequestHandler<GetMyAccountQuery, MyAccount>
{
    public async ValueTask<MyAccount> Handle(GetMyAccountQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == viewer.UserId, ct);
        var ids = new[] { member.OrganisationId, member.RequestedOrganisationId }.OfType<Guid>().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new OrganisationRef(o.Id, o.Name, o.Type)).ToDictionaryAsync(o => o.Id, ct);
        return new MyAccount(member.Id, member.DisplayName, member.Email,
            member.OrganisationId is { } o ? organisations[o] : null, member.Role,
            member.RequestedOrganisationId is { } r ? organisations[r] : null, viewer.IsModerator, viewer.IsAdmin, member.PreferredLanguage);
    }
}
