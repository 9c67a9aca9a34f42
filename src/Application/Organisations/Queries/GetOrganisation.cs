using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Queries;
using Lessons.Domain.Members;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Queries;

public sealed record MemberInfo(Guid Id, string DisplayName, string Email, MemberRole Role);

/// <summary>The management part is filled only for the organisation's editors and moderators.</summary>
public sealed record OrganisationManagement(
    IReadOnlyList<string> EmailDomains, IReadOnlyList<MemberInfo> Members, IReadOnlyList<MemberInfo> Requests);

public sealed record OrganisationPage(
    Guid Id, string Name, OrganisationType Type, string? Code, bool IsFictional, bool IsUnlisted,
    IReadOnlyList<ReportSummary> Reports, int ReuseCount, OrganisationManagement? Management);

/// <summary>An organisation's page: its published reports (anonymous ones never), and for its editors the members.</summary>
public sealed record GetOrganisationQuery(Guid Id) : IRequest<OrganisationPage>;

internal sealed class GetOrganisationHandler(ILessonsDbContext db, CurrentViewer current)
    : IRequestHandler<GetOrganisationQuery, OrganisationPage>
{
    public async ValueTask<OrganisationPage> Handle(GetOrganisationQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.Id, ct)
            ?? throw new NotFoundException("Organisationen", query.Id);

        var rows = await db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(viewer))
            .Where(r => r.OrganisationId == organisation.Id && !r.IsAnonymous)
            .OrderByDescending(r => r.PublishedAt).Rows(db.Organisations).ToListAsync(ct);
        var reuseCount = await db.ReportReuses.CountAsync(u => u.OrganisationId == organisation.Id, ct);

        OrganisationManagement? management = null;
        if (OrganisationAccess.CanManage(viewer, organisation.Id))
        {
            var members = await db.Members.AsNoTracking()
                .Where(m => m.OrganisationId == organisation.Id || m.RequestedOrganisationId == organisation.Id)
                .OrderBy(m => m.DisplayName).ToListAsync(ct);
            management = new OrganisationManagement(organisation.EmailDomains,
                [.. members.Where(m => m.OrganisationId == organisation.Id).Select(Info)],
                [.. members.Where(m => m.RequestedOrganisationId == organisation.Id).Select(Info)]);
        }
        return new OrganisationPage(organisation.Id, organisation.Name, organisation.Type, organisation.Code,
            organisation.IsFictional, organisation.IsUnlisted, [.. rows.Select(r => r.ToSummary(viewer))], reuseCount, management);
    }

    private static MemberInfo Info(Member m) => new(m.Id, m.DisplayName, m.Email, m.Role);
}
