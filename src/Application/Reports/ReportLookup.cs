using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Organisations;
using Lessons.Domain.Reports;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports;

internal static class ReportLookup
{
    /// <summary>A report the viewer may open; one they may not is answered as missing, so ids leak nothing.</summary>
    public static async Task<Report> FindVisibleAsync(
        this IQueryable<Report> reports, Guid id, Viewer viewer, CancellationToken ct)
    {
        var report = await reports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !ReportAccess.CanRead(viewer, report)) throw new NotFoundException("Rapporten", id);
        return report;
    }

    /// <summary>A report the viewer may open and act on: missing if they may not see it, forbidden if they may see
    /// it but not do this. Whether the action is legal in the report's state is then the domain's answer.</summary>
    public static async Task<Report> FindForActionAsync(this IQueryable<Report> reports, Guid id, Viewer viewer,
        Func<Viewer, Report, bool> mayAct, string forbidden, CancellationToken ct)
    {
        var report = await reports.FindVisibleAsync(id, viewer, ct);
        return mayAct(viewer, report) ? report : throw new ForbiddenException(forbidden);
    }

    public static async Task<IReadOnlyList<Guid>> ResolveCoOrganisationsAsync(
        this OrganisationResolver resolver, IReadOnlyList<string> names, CancellationToken ct)
    {
        var ids = new List<Guid>();
        var unknown = new List<string>();
        foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (await resolver.FindAsync(name, ct) is { } id) { if (!ids.Contains(id)) ids.Add(id); }
            else unknown.Add(name.Trim());
        }
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException("Input." + nameof(ReportInput.CoOrganisations),
                $"Hittar inte {string.Join(", ", unknown.Select(u => $"\"{u}\""))} i organisationsregistret. Skriv organisationens namn som i registret.");
        }
        return ids;
    }

    public static async Task<IReadOnlyList<string>> NamesOfAsync(this ILessonsDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. ids.Where(names.ContainsKey).Select(id => names[id])];
    }
}
