using Lessons.Application.Search;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Moderation;

/// <summary>Moderators keep the search's synonym list. The rule (moderators only) lives in the requests.</summary>
public sealed class SynonymsModel(ISender sender) : PageModel
{
    public IReadOnlyList<SynonymGroupInfo> Groups { get; private set; } = [];

    [BindProperty] public Guid? Id { get; set; }

    [BindProperty] public string? Terms { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Groups = await sender.Send(new ListSynonymGroupsQuery(), ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        Act(new SaveSynonymGroupCommand(Id, Terms), Id is null ? "Gruppen är tillagd." : "Gruppen är sparad.", ct);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) =>
        Act(new DeleteSynonymGroupCommand(Id ?? Guid.Empty), "Gruppen är borttagen.", ct);

    private async Task<IActionResult> Act<T>(IRequest<T> command, string done, CancellationToken ct)
    {
        try
        {
            await sender.Send(command, ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(ct);
        }
        TempData["Status"] = done;
        return RedirectToPage();
    }
}
