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

    /// <summary>The organisation as typed or picked from the list of names; the server finds which one is meant.</summary>
    [BindProperty] public string? OrganisationName { get; set; }

    /// <summary>The organisation that registered the domain of the member's address, if any.</summary>
    public OrganisationRef? Suggestion { get; private set; }

    /// <summary>The language of the member's mails, <c>sv</c> or <c>en</c>.</summary>
    [BindProperty] public string? Language { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        OrganisationName = Suggestion?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostJoinAsync(CancellationToken ct)
    {
        MembershipOutcome outcome;
        try
        {
            var organisation = await sender.Send(new FindOrganisationByNameQuery(OrganisationName), ct);
            outcome = await sender.Send(new RequestMembershipCommand(organisation.Id), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            // The command names the organisation by its id; on this page that is the name field.
            foreach (var key in ModelState.Keys.Where(k => k.Equals("OrganisationId", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                foreach (var error in ModelState[key]!.Errors) ModelState.AddModelError(nameof(OrganisationName), error.ErrorMessage);
                ModelState.Remove(key);
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Status"] = outcome.Joined
            ? $"Du är nu medlem i {outcome.OrganisationName}."
            : $"Din ansökan till {outcome.OrganisationName} är skickad till {(outcome.ToModerators ? "plattformens moderatorer, eftersom organisationen ännu saknar redaktörer" : "organisationens redaktörer")}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLanguageAsync(CancellationToken ct)
    {
        try
        {
            await sender.Send(new ChooseMailLanguageCommand(Language ?? ""), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Status"] = UiText.Get("Språket för din e-post är sparat.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Account = await sender.Send(new GetMyAccountQuery(), ct);
        Organisations = await sender.Send(new ListOrganisationsQuery(), ct);
        Suggestion = await sender.Send(new SuggestOrganisationQuery(), ct);
    }
}
