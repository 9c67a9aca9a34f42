using Lessons.Application.Common.Ports;
using Lessons.Application.Feedback;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.About;

/// <summary>The accessibility statement after DIGG's model, with the feedback form the law asks for.</summary>
public sealed class AccessibilityModel(ISender sender, ISiteContact contact) : PageModel
{
    /// <summary>When the site was last assessed and the statement last reviewed; change both together.</summary>
    public static readonly DateOnly AssessedOn = new(2026, 12, 2);

    public ISiteContact Contact => contact;

    [BindProperty] public string? Message { get; set; }

    [BindProperty(Name = "Page")] public string? FeedbackPage { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await sender.Send(new SendAccessibilityFeedbackCommand(Message ?? "", FeedbackPage, Name, Email), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Status"] = UiText.Format("Tack! Ditt meddelande är skickat till {0}.", contact.Operator)
            + (string.IsNullOrWhiteSpace(Email) ? "" : " " + UiText.Get("Vi svarar till den adress du angav."));
        return RedirectToPage();
    }
}
