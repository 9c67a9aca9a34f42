using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Reports;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Insights;

/// <summary>
/// What the platform knows, in numbers, for <c>/insikter</c> and the start page. Counted over what an anonymous
/// reader may see, whoever asks: the page is the same for everyone, and a signed-in member's counts would otherwise
/// tell a reader who screenshots them how many members-only reports exist. An anonymous report counts in every chart
/// but never to its organisation (nor its organisation type, which the search index does not know either).
/// </summary>
public sealed record GetInsightsQuery(int TopCount = 10) : IRequest<PlatformInsights>;

public sealed class GetInsightsValidator : AbstractValidator<GetInsightsQuery>
{
    public GetInsightsValidator() => RuleFor(q => q.TopCount).InclusiveBetween(1, 50).WithMessage("Antalet ska vara 1–50.");
}

/// <summary>One bar: a taxonomy key (or an organisation's id), what readers see, and the count.</summary>
public sealed record InsightCount(string Key, string Label, int Count);

public sealed record ReusedReport(Guid Id, string Title, string? OrganisationName, int Reuses);

public sealed record SharingOrganisation(Guid Id, string Name, OrganisationType Type, int Reports);

public sealed record PlatformInsights(
    int Reports,
    int FailedOrAbandoned,
    IReadOnlyList<InsightCount> ByOutcome,
    IReadOnlyList<InsightCount> ByPrinciple,
    IReadOnlyList<InsightCount> ChallengesInFailures,
    IReadOnlyList<InsightCount> ByOrganisationType,
    IReadOnlyList<InsightCount> ByYear,
    IReadOnlyList<ReusedReport> MostReused,
    IReadOnlyList<SharingOrganisation> MostSharing)
{
    /// <summary>The key under which anonymous reports are counted by organisation type.</summary>
    public const string AnonymousKey = "anonym";
}

internal sealed class GetInsightsHandler(ILessonsDbContext db) : IRequestHandler<GetInsightsQuery, PlatformInsights>
{
    public async ValueTask<PlatformInsights> Handle(GetInsightsQuery query, CancellationToken ct)
    {
        // Principles and challenges are JSON columns, so the counting happens here over the few columns it needs,
        // never the reports' long texts.
        var rows = await db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(Viewer.Anonymous))
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new
            {
                r.Id, r.Content.Title, r.IsAnonymous, OrganisationId = o.Id, OrganisationName = o.Name, OrganisationType = o.Type,
                Year = r.Content.YearStarted, r.Content.Outcome, r.Content.Principles, r.Content.Challenges,
            })
            .ToListAsync(ct);

        var failures = rows.Where(r => r.Outcome is Outcome.Misslyckades or Outcome.Avbruten).ToList();

        var byOutcome = Vocabulary.Outcomes.All
            .Select(t => new InsightCount(t.Key, t.Label, rows.Count(r => r.Outcome == t.Value))).ToList();
        var byPrinciple = Vocabulary.Principles.All
            .Select(t => new InsightCount(t.Key, t.Label, rows.Count(r => r.Principles.Contains(t.Key)))).ToList();
        var challengesInFailures = Vocabulary.Challenges.All
            .Select(t => new InsightCount(t.Key, t.Label, failures.Count(r => r.Challenges.Contains(t.Key))))
            .Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();

        var byType = Vocabulary.OrganisationTypes.All
            .Select(t => new InsightCount(t.Key, t.Label, rows.Count(r => !r.IsAnonymous && r.OrganisationType == t.Value)))
            .Where(c => c.Count > 0).ToList();
        var anonymous = rows.Count(r => r.IsAnonymous);
        if (anonymous > 0) byType.Add(new InsightCount(PlatformInsights.AnonymousKey, "Anonyma rapporter", anonymous));

        // Every year from the first to the last, so a gap shows as a gap and not as a shorter axis.
        var byYear = new List<InsightCount>();
        if (rows.Count > 0)
        {
            for (var year = rows.Min(r => r.Year); year <= rows.Max(r => r.Year); year++)
            {
                var y = year;
                byYear.Add(new InsightCount(y.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    y.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Count(r => r.Year == y)));
            }
        }

        var visible = rows.ToDictionary(r => r.Id);
        var reuseCounts = await db.ReportReuses.AsNoTracking().GroupBy(u => u.ReportId)
            .Select(g => new { ReportId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var mostReused = reuseCounts.Where(c => visible.ContainsKey(c.ReportId))
            .Select(c => (Row: visible[c.ReportId], c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Row.Title, StringComparer.Ordinal).Take(query.TopCount)
            .Select(c => new ReusedReport(c.Row.Id, c.Row.Title, c.Row.IsAnonymous ? null : c.Row.OrganisationName, c.Count))
            .ToList();

        var mostSharing = rows.Where(r => !r.IsAnonymous)
            .GroupBy(r => (r.OrganisationId, r.OrganisationName, r.OrganisationType))
            .Select(g => new SharingOrganisation(g.Key.OrganisationId, g.Key.OrganisationName, g.Key.OrganisationType, g.Count()))
            .OrderByDescending(o => o.Reports).ThenBy(o => o.Name, StringComparer.Ordinal).Take(query.TopCount).ToList();

        return new PlatformInsights(rows.Count, failures.Count, byOutcome, byPrinciple, challengesInFailures, byType, byYear,
            mostReused, mostSharing);
    }
}
