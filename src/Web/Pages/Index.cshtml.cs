using Lessons.Application.Insights;
using Lessons.Application.Reports.Queries;

using Mediator;

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages;

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
