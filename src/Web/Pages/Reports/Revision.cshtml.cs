using Lessons.Application.Reports.Queries;

using Mediator;

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Reports;

public sealed class RevisionModel(ISender sender) : PageModel
{
    public RevisionDetails Revision { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, int number, CancellationToken ct) =>
        Revision = await sender.Send(new GetReportRevisionQuery(id, number), ct);
}
