using Lessons.Application.Insights;
using Lessons.Application.Reports.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lessons.Web.Pages;

[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ReportSummary> Latest { get; private set; } = [];

    public PlatformInsights Insights { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Latest = await sender.Send(new ListLatestReportsQuery(12), ct);
        Insights = await sender.Send(new GetInsightsQuery(), ct);
    }

    public static string SearchLink(string parameter, string key) => $"/sok?{parameter}={Uri.EscapeDataString(key)}";
}
