using Lessons.Application.Reports.Queries;

using Mediator;

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<ReportSummary> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Latest = await sender.Send(new ListLatestReportsQuery(12), ct);
}
