using System.Globalization;

using Lessons.Application.Common.Ports;

namespace Lessons.Infrastructure.Search;

/// <summary>The query's filters as facet-column lookups.</summary>
internal static class SearchFilters
{
    /// <summary>The query's filters as facet-column lookups: AND across facets, OR within one.</summary>
    public static List<FacetedCollector.Filter> For(FacetColumns columns, ReportSearchQuery q)
    {
        var filters = new List<FacetedCollector.Filter>();
        void AnyOf(string facet, IEnumerable<string> values)
        {
            var wanted = values.ToHashSet(StringComparer.Ordinal);
            if (wanted.Count == 0) return;
            var index = columns.IndexOf(facet);
            filters.Add(new(index, columns.Accepting(index, wanted.Contains)));
        }
        AnyOf("outcome", q.Outcomes);
        AnyOf("principle", q.Principles);
        AnyOf("challenge", q.Challenges);
        AnyOf("stage", q.Stages);
        AnyOf("organisationType", q.OrganisationTypes);
        AnyOf("organisation", q.Organisations.Select(o => o.ToString()));
        if (q.YearFrom is not null || q.YearTo is not null)
        {
            var year = columns.IndexOf("year");
            filters.Add(new(year, columns.Accepting(year, value =>
                int.TryParse(value, CultureInfo.InvariantCulture, out var y) && y >= (q.YearFrom ?? int.MinValue) && y <= (q.YearTo ?? int.MaxValue))));
        }
        if (!q.MembersOnlyVisible)
        {
            var visibility = columns.IndexOf("visibility");
            filters.Add(new(visibility, columns.Accepting(visibility, value => value == "public"), Required: true));
        }
        return filters;
    }
}
