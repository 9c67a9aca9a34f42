using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

/// <summary>
/// The published reports in the import format, holding only what the public may read: members-only reports only
/// when <paramref name="IncludeMembersOnly"/> says so. Anonymous reports are exported without their organisation,
/// contact or co-organisations: an export is published data, and the promise of anonymity holds there too.
/// </summary>
public sealed record ExportReportsQuery(bool IncludeMembersOnly = false) : IRequest<IReadOnlyList<ReportRecord>>, IRequireAdmin;

internal sealed class ExportReportsHandler(ILessonsDbContext db) : IRequestHandler<ExportReportsQuery, IReadOnlyList<ReportRecord>>
{
    public async ValueTask<IReadOnlyList<ReportRecord>> Handle(ExportReportsQuery query, CancellationToken ct)
    {
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Published)
            .Where(r => query.IncludeMembersOnly || r.Visibility == Visibility.Public)
            .OrderBy(r => r.PublishedAt).ThenBy(r => r.ExternalId).ThenBy(r => r.Id)
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new
            {
                r.Id, r.ExternalId, r.Content, r.Visibility, r.IsAnonymous, Organisation = o.Name, o.Type,
            })
            .ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        return [.. rows.Select(r =>
        {
            var content = r.IsAnonymous ? r.Content with { ContactName = null, ContactEmail = null, CoOrganisationIds = [] } : r.Content;
            var input = ReportInput.From(content, r.Visibility, r.IsAnonymous,
                [.. content.CoOrganisationIds.Where(names.ContainsKey).Select(id => names[id])]);
            return new ReportRecord
            {
                Id = r.ExternalId ?? r.Id.ToString(),
                Title = input.Title,
                Organisation = r.IsAnonymous ? null : r.Organisation,
                OrganisationType = r.IsAnonymous ? null : Vocabulary.OrganisationTypes.Key(r.Type),
                Year = input.YearStarted,
                Outcome = input.Outcome,
                Stage = input.Stage,
                Principles = input.Principles,
                Challenges = input.Challenges,
                Summary = input.Summary,
                Background = input.Background,
                WhatWeDid = input.WhatWeDid,
                Result = input.Result,
                Lessons = input.Lessons,
                Recommendations = input.Recommendations,
                YearEnded = input.YearEnded,
                InnovationTypes = NullIfEmpty(input.InnovationTypes),
                Drivers = NullIfEmpty(input.Drivers),
                Effects = NullIfEmpty(input.Effects),
                CostSek = input.CostSek,
                EffortHours = input.EffortHours,
                CostNote = input.CostNote,
                Collaborators = NullIfEmpty(input.Collaborators),
                Support = NullIfEmpty(input.Support),
                Links = NullIfEmpty(input.Links),
                CoOrganisations = NullIfEmpty(input.CoOrganisations),
                ContactName = input.ContactName,
                ContactEmail = input.ContactEmail,
                MembersOnly = input.MembersOnly,
                Anonymous = input.Anonymous,
            };
        })];
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> list) => list.Count == 0 ? null : list;
}
