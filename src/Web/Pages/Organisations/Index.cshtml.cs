using Lessons.Application.Organisations.Queries;
using Lessons.Application.Reports.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Organisations;

public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "namn")]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true, Name = "typ")]
    public string? Type { get; set; }

    public IReadOnlyList<OrganisationRef> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Organisations = await sender.Send(new ListOrganisationsQuery(Name, string.IsNullOrEmpty(Type) ? null : Type), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
