using Lessons.Application.Digests.Commands;
using Lessons.Application.Digests.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Moderation;

/// <summary>
/// Administrators watch the digest: each run's counts, deliveries stuck in <c>sending</c>, suspended addresses, and
/// any subscriber's next digest, which they may send themselves as a test. The rule (administrators only) lives in
/// the requests.
/// </summary>
public sealed class DigestsModel(ISender sender) : PageModel
{
    public DigestOverview Overview { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "epost")] public string? Email { get; set; }

    public DigestPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Overview = await sender.Send(new GetDigestOverviewQuery(), ct);
        if (!string.IsNullOrWhiteSpace(Email))
        {
            try
            {
                Preview = await sender.Send(new PreviewDigestQuery(Email), ct);
            }
            catch (Exception e) when (ModelState.TryAddRequestErrors(e))
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        string to;
        try
        {
            to = await sender.Send(new SendTestDigestCommand(Email ?? ""), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Overview = await sender.Send(new GetDigestOverviewQuery(), ct);
            return Page();
        }
        TempData["Status"] = UiText.Format("Ett test av nästa veckobrev till {0} är skickat till {1}.", Email, to);
        return RedirectToPage(new { epost = Email });
    }
}
