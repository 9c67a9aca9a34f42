using Lessons.Application.Reports.Queries;

using Mediator;

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages;

public sealed class MyWorkModel(ISender sender) : PageModel
{
    public MyWork Work { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken ct) => Work = await sender.Send(new ListMyWorkQuery(), ct);
}
