using Lessons.Application.Organisations.Commands;
using Lessons.Application.Organisations.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Organisations;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public OrganisationPage Organisation { get; private set; } = null!;

    [BindProperty]
    public string? Domain { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Organisation = await sender.Send(new GetOrganisationQuery(id), ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddDomainAsync(Guid id, CancellationToken ct) =>
        Act(id, new ChangeEmailDomainCommand(id, Domain), $"Domänen {Domain} är tillagd.", ct);

    public Task<IActionResult> OnPostRemoveDomainAsync(Guid id, CancellationToken ct) =>
        Act(id, new ChangeEmailDomainCommand(id, Domain, Remove: true), $"Domänen {Domain} är borttagen.", ct);

    public Task<IActionResult> OnPostMemberAsync(Guid id, Guid memberId, MemberAction action, CancellationToken ct) =>
        Act(id, new ManageMemberCommand(id, memberId, action), "Ändringen är sparad.", ct);

    private async Task<IActionResult> Act(Guid id, IRequest<Unit> command, string done, CancellationToken ct)
    {
        try
        {
            await sender.Send(command, ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(id, ct);
        }
        TempData["Status"] = done;
        return RedirectToPage(new { id });
    }
}
