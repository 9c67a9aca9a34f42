using Lessons.Application.Reports.Queries;
using Lessons.Web.Api;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages;

/// <summary>The search page: the same query string and the same request as the API, and it works without JavaScript.</summary>
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
    public string FailuresLink()
    {
        var query = new QueryBuilder(Request.Query.Where(q => q.Key is not ("outcome" or "page"))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "outcome", "misslyckades" },
            { "outcome", "avbruten" },
        };
        return "/sok" + query.ToQueryString();
    }

    /// <summary>The same search with the corrected words.</summary>
    public string SuggestionLink(string suggestion)
    {
        var query = new QueryBuilder(Request.Query.Where(q => q.Key is not ("q" or "page"))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "q", suggestion },
        };
        return "/sok" + query.ToQueryString();
    }

    public string PageLink(int page)
    {
        var query = new QueryBuilder(Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { "page", page.ToString(Display.Swedish) },
        };
        return "/sok" + query.ToQueryString();
    }
}
