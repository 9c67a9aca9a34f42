using System.Globalization;

using Lessons.Application.Common.Errors;
using Lessons.Application.Reports.Queries;

using Microsoft.Extensions.Primitives;

namespace Lessons.Web.Api;

/// <summary>
/// The search contract's query string (<c>q, outcome, principle, challenge, stage, organisationType, organisation,
/// yearFrom, yearTo, sort, page, pageSize</c>; list parameters may repeat), shared by the API, the search page and
/// the feed. Numbers that are not numbers are named in the error; the values themselves are checked by the
/// query's validator.
/// </summary>
internal static class SearchParameters
{
    public static SearchReportsQuery Parse(IQueryCollection query, int defaultPageSize = 20)
    {
        var errors = new Dictionary<string, string[]>();
        int? Number(string name)
        {
            var value = query[name].ToString().Trim();
            if (value.Length == 0) return null;
            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            errors[name] = [$"{name} ska vara ett heltal, inte \"{Shorten(value)}\"."];
            return null;
        }
        IReadOnlyList<string> List(string name) => Values(query[name]);

        var parsed = new SearchReportsQuery
        {
            Text = query["q"].ToString(),
            Outcomes = List("outcome"),
            Principles = List("principle"),
            Challenges = List("challenge"),
            Stages = List("stage"),
            OrganisationTypes = List("organisationType"),
            Organisations = List("organisation"),
            YearFrom = Number("yearFrom"),
            YearTo = Number("yearTo"),
            Sort = query["sort"].ToString() is { Length: > 0 } sort ? sort : "relevance",
            Page = Number("page") ?? 1,
            PageSize = Number("pageSize") ?? defaultPageSize,
        };
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return parsed;
    }

    /// <summary>Repeated parameters and comma-separated values both work: <c>outcome=a&amp;outcome=b</c> or <c>outcome=a,b</c>.</summary>
    private static string[] Values(StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
