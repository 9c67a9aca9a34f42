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

    public async Task OnGetAsync(CancellationToken ct) => Latest = await sender.Send(new ListLatestReportsQuery(12), ct);
}
