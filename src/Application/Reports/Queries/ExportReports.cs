using System.Linq.Expressions;
using System.Runtime.CompilerServices;

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

/// <summary>
/// The open-data download: what an anonymous reader may see (<see cref="ReportAccess.PublishedVisibleTo"/> for
/// <see cref="Viewer.Anonymous"/>), in the import format and the export's order, one report at a time so that a
/// large catalogue is streamed to the client rather than held in memory. Anyone may ask.
/// </summary>
public sealed record StreamOpenDataQuery : IStreamRequest<ReportRecord>;

internal sealed class ExportReportsHandler(ILessonsDbContext db) : IRequestHandler<ExportReportsQuery, IReadOnlyList<ReportRecord>>
{
    public async ValueTask<IReadOnlyList<ReportRecord>> Handle(ExportReportsQuery query, CancellationToken ct)
    {
        var membersToo = query.IncludeMembersOnly;
        var rows = await ExportRow.Of(db, r => r.Status == ReportStatus.Published && (membersToo || r.Visibility == Visibility.Public))
            .ToListAsync(ct);
        var names = await ExportRow.OrganisationNamesAsync(db, ct);
        return [.. rows.Select(r => r.ToRecord(names))];
    }
}

internal sealed class StreamOpenDataHandler(ILessonsDbContext db) : IStreamRequestHandler<StreamOpenDataQuery, ReportRecord>
{
    public async IAsyncEnumerable<ReportRecord> Handle(StreamOpenDataQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        // The names of co-organisations are looked up in memory: the registry is small beside the reports.
        var names = await ExportRow.OrganisationNamesAsync(db, ct);
        await foreach (var row in ExportRow.Of(db, ReportAccess.PublishedVisibleTo(Viewer.Anonymous)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToRecord(names);
    }
}

/// <summary>One report as the export reads it, and how it becomes a <see cref="ReportRecord"/>.</summary>
internal sealed record ExportRow(Guid Id, string? ExternalId, ReportContent Content, Visibility Visibility, bool IsAnonymous,
    string Organisation, OrganisationType Type)
{
    public static IQueryable<ExportRow> Of(ILessonsDbContext db, Expression<Func<Report, bool>> which) =>
        db.Reports.AsNoTracking()
            .Where(which)
            .OrderBy(r => r.PublishedAt).ThenBy(r => r.ExternalId).ThenBy(r => r.Id)
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id,
                (r, o) => new ExportRow(r.Id, r.ExternalId, r.Content, r.Visibility, r.IsAnonymous, o.Name, o.Type));

    public static Task<Dictionary<Guid, string>> OrganisationNamesAsync(ILessonsDbContext db, CancellationToken ct) =>
        db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    public ReportRecord ToRecord(IReadOnlyDictionary<Guid, string> names)
    {
        var content = IsAnonymous ? Content with { ContactName = null, ContactEmail = null, CoOrganisationIds = [] } : Content;
        var input = ReportInput.From(content, Visibility, IsAnonymous,
            [.. content.CoOrganisationIds.Where(names.ContainsKey).Select(id => names[id])]);
        return new ReportRecord
        {
            Id = ExternalId ?? Id.ToString(),
            Title = input.Title,
            Organisation = IsAnonymous ? null : Organisation,
            OrganisationType = IsAnonymous ? null : Vocabulary.OrganisationTypes.Key(Type),
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
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> list) => list.Count == 0 ? null : list;
}
