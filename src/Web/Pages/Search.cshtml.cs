using Lessons.Application.Reports.Queries;
using Lessons.Application.Subscriptions;
using Lessons.Domain.Taxonomy;
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
    /// <summary>The search as a feed, in the reader's language (a feed reader sends no cookie, so the address says it).</summary>
    public string FeedLink()
    {
        var q = SavedSearches.From(Query).ToQueryString();
        if (UiText.IsEnglish) q = q.Length > 0 ? q + "&lang=en" : "lang=en";
        return q.Length > 0 ? "/feeds/reports.atom?" + q : "/feeds/reports.atom";
    }

    /// <summary>The same search with the corrected words.</summary>
    public string SuggestionLink(string suggestion) => Link(["q"], ("q", suggestion));

    /// <summary>The same search limited to reports started in one year.</summary>
    public string YearLink(string year) => Link(["yearFrom", "yearTo"], ("yearFrom", year), ("yearTo", year));

    public string PageLink(int page) => Link([], ("page", page.ToString(Display.Swedish)));

    /// <summary>The filter parameters of the search contract, with how a chip names each; <c>q</c>, <c>sort</c> and
    /// <c>pageSize</c> are not filters.</summary>
    private static readonly (string Name, string Label, Func<string, string> Term)[] FilterParameters =
    [
        ("outcome", "Hur det gick", Vocabulary.Outcomes.LabelOfKey),
        ("stage", "Hur långt de kom", Vocabulary.Stages.LabelOfKey),
        ("organisationType", "Typ av organisation", Vocabulary.OrganisationTypes.LabelOfKey),
        ("principle", "Princip", Vocabulary.Principles.LabelOfKey),
        ("challenge", "Utmaning", Vocabulary.Challenges.LabelOfKey),
        ("organisation", "Organisation", k => k),
        ("yearFrom", "Startår från", k => k),
        ("yearTo", "Startår till", k => k),
    ];

    /// <summary>
    /// One chip per filter value in the address, each a plain link to the same search without that one value, so a
    /// filter is removed with one click and without a script.
    /// </summary>
    public IReadOnlyList<(string Label, string RemoveLink)> ActiveFilters()
    {
        var chips = new List<(string, string)>();
        foreach (var (name, label, term) in FilterParameters)
        {
            foreach (var value in Request.Query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct())
            {
                var shown = name == "organisation" ? OrganisationName(value) : term(value);
                chips.Add(($"{UiText.Get(label)}: {Display.Label(shown)}", Without(name, value)));
            }
        }
        return chips;
    }

    /// <summary>The same words and sort with every filter removed.</summary>
    public string ClearFiltersLink() => Link([.. FilterParameters.Select(f => f.Name)]);

    /// <summary>The search has more than one word, so fewer words may find something.</summary>
    public bool HasSeveralWords => (Query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 1;

    private string OrganisationName(string key) =>
        Guid.TryParse(key, out var id) && Results?.OrganisationNames.GetValueOrDefault(id) is { } name ? name : key;

    /// <summary>This page's address without one value of one parameter (other values of it stay, also in a
    /// comma-separated list).</summary>
    private string Without(string name, string value)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in Request.Query.Where(q => q.Key != "page"))
        {
            foreach (var v in values)
            {
                if (key != name)
                {
                    query.Add(key, v ?? "");
                    continue;
                }
                foreach (var part in (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (part != value) query.Add(key, part);
                }
            }
        }
        return "/sok" + query.ToQueryString();
    }

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
        string Name(string key) => OrganisationName(key);
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => Name(c.Key), StringComparer.Create(Display.Swedish, false)).Take(10)
            .Select(c => c.Key).ToList();
        return [.. top.Concat(Query.Organisations.Where(o => !top.Contains(o, StringComparer.OrdinalIgnoreCase)))
            .Select(key => (key, Name(key), counts.TryGetValue(key, out var n) ? n : Guid.TryParse(key, out _) ? 0 : (int?)null, selected.Contains(key)))];
    }
}
