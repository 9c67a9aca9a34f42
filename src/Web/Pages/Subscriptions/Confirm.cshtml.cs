using Lessons.Application.Common.Errors;
using Lessons.Application.Subscriptions.Commands;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Subscriptions;

/// <summary>
/// The confirmation link opens this page, which confirms only when its button is pressed (a POST): mail scanners and
/// link previews that follow the link confirm nothing.
/// </summary>
public sealed class ConfirmModel(ISender sender) : PageModel
{
    public string? ManageToken { get; private set; }

    public bool Invalid { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        try
        {
            ManageToken = await sender.Send(new ConfirmSubscriptionCommand(token), ct);
        }
        catch (NotFoundException)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
