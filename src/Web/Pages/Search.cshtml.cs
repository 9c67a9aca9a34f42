using Lessons.Application.Reports.Queries;
using Lessons.Application.Subscriptions;
using Lessons.Web.Api;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lessons.Web.Pages;

/// <summary>The search page: the same query string and the same request as the API, and it works without JavaScript.</summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class SearchModel(ISender sender) : PageModel
{
    public SearchReportsQuery Query { get; private set; } = new();

    public SearchPage? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Query = SearchParameters.Parse(Request.Query);
            Results = await sender.Send(Query, ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The same search with the outcome filter set to failed and abandoned: failures are easy to find.</summary>
    public string FailuresLink() => Link(["outcome"], ("outcome", "misslyckades"), ("outcome", "avbruten"));

    /// <summary>"Bevaka den här sökningen": the subscribe page with this search (its filters, not its sort or page) ticked.</summary>
    public string WatchLink() => SavedSearches.From(Query) is { IsEmpty: false } search
        ? "/prenumerera?sok=" + Uri.EscapeDataString(search.ToQueryString())
        : "/prenumerera";

    /// <summary>The same filters as an Atom feed.</summary>
    public string FeedLink() => SavedSearches.From(Query).ToQueryString() is { Length: > 0 } q ? "/feeds/reports.atom?" + q : "/feeds/reports.atom";

    /// <summary>The same search with the corrected words.</summary>
    public string SuggestionLink(string suggestion) => Link(["q"], ("q", suggestion));

    /// <summary>The same search limited to reports started in one year.</summary>
    public string YearLink(string year) => Link(["yearFrom", "yearTo"], ("yearFrom", year), ("yearTo", year));

    public string PageLink(int page) => Link([], ("page", page.ToString(Display.Swedish)));

    /// <summary>This page's address with the parameters <paramref name="replaced"/> (and the page number) swapped for
    /// <paramref name="values"/>.</summary>
    private string Link(string[] replaced, params (string Key, string Value)[] values)
    {
        var query = new QueryBuilder(Request.Query.Where(q => q.Key != "page" && !replaced.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        foreach (var (key, value) in values) query.Add(key, value);
        return "/sok" + query.ToQueryString();
    }

    /// <summary>
    /// The organisation facet as checkboxes: the ten organisations with most hits, and every one already ticked
    /// (with no hits left, or named rather than given by id in the address: then without a count), so the filter
    /// survives the next submit.
    /// </summary>
    public IReadOnlyList<(string Key, string Label, int? Count, bool Selected)> OrganisationChoices()
    {
        var counts = Results?.Facets.GetValueOrDefault("organisation") ?? new Dictionary<string, int>();
        var selected = Query.Organisations.ToHashSet(StringComparer.OrdinalIgnoreCase);
        string Name(string key) => Guid.TryParse(key, out var id) && Results?.OrganisationNames.GetValueOrDefault(id) is { } name ? name : key;
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => Name(c.Key), StringComparer.Create(Display.Swedish, false)).Take(10)
            .Select(c => c.Key).ToList();
        return [.. top.Concat(Query.Organisations.Where(o => !top.Contains(o, StringComparer.OrdinalIgnoreCase)))
            .Select(key => (key, Name(key), counts.TryGetValue(key, out var n) ? n : Guid.TryParse(key, out _) ? 0 : (int?)null, selected.Contains(key)))];
    }
}
