using Lessons.Application.Common.Ports;
using Lessons.Application.Digests.Commands;
using Lessons.Application.Digests.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Moderation;

/// <summary>The confirmation step before a stuck delivery is sent again: the recipient may have it already.</summary>
public sealed class ResendDeliveryModel(ISender sender) : PageModel
{
    public StuckDelivery? Delivery { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var overview = await sender.Send(new GetDigestOverviewQuery(), ct);
        Delivery = overview.Stuck.FirstOrDefault(d => d.Id == id);
        if (Delivery is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        SendResult result;
        try
        {
            result = await sender.Send(new ResendDigestDeliveryCommand(id), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(id, ct);
        }
        TempData["Status"] = result.Outcome switch
        {
            SendOutcome.Sent => UiText.Get("Brevet är skickat igen."),
            SendOutcome.TransientFailure => UiText.Format("Servern svarade med ett tillfälligt fel ({0}). Försök igen senare.", result.Reason),
            _ => UiText.Format("Brevet kunde inte skickas: {0}", result.Reason),
        };
        return RedirectToPage("Digests");
    }
}
