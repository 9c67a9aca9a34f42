using Lessons.Application.Organisations.Commands;
using Lessons.Application.Organisations.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Moderation;

/// <summary>Moderators answer join requests across organisations, above all those that have no editors yet.</summary>
public sealed class JoinRequestsModel(ISender sender) : PageModel
{
    public IReadOnlyList<JoinRequest> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Requests = await sender.Send(new ListJoinRequestsQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId, Guid memberId, MemberAction action, CancellationToken ct)
    {
        try
        {
            await sender.Send(new ManageMemberCommand(organisationId, memberId, action), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(ct);
        }
        TempData["Status"] = action == MemberAction.Approve ? "Ansökan är godkänd." : "Ansökan är avslagen.";
        return RedirectToPage();
    }
}
