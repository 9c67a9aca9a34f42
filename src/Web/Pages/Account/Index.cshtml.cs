using Lessons.Application.Members.Commands;
using Lessons.Application.Members.Queries;
using Lessons.Application.Organisations.Queries;
using Lessons.Application.Reports.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

public sealed class IndexModel(ISender sender) : PageModel
{
    public MyAccount Account { get; private set; } = null!;

    public IReadOnlyList<OrganisationRef> Organisations { get; private set; } = [];

    [BindProperty] public Guid? OrganisationId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Account = await sender.Send(new GetMyAccountQuery(), ct);
        Organisations = await sender.Send(new ListOrganisationsQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(CancellationToken ct)
    {
        MembershipOutcome outcome;
        try
        {
            outcome = await sender.Send(new RequestMembershipCommand(OrganisationId ?? Guid.Empty), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(ct);
        }
        TempData["Status"] = outcome.Joined
            ? $"Du är nu medlem i {outcome.OrganisationName}."
            : $"Din ansökan till {outcome.OrganisationName} är skickad till {(outcome.ToModerators ? "plattformens moderatorer, eftersom organisationen ännu saknar redaktörer" : "organisationens redaktörer")}.";
        return RedirectToPage();
    }
}
