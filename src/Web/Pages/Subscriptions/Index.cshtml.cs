using Lessons.Application.Organisations.Queries;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Subscriptions;

/// <summary>Subscribe with or without an account; the address in the query string pre-fills the choice.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(Name = "email")] public string? Email { get; set; }

    [BindProperty] public FollowForm Follows { get; set; } = new();

    public bool Sent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Follows = FollowForm.FromQuery(Request.Query);
        await OfferAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await sender.Send(new SubscribeCommand(Email ?? "", Follows.ToChoice(), Languages.Current), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await OfferAsync(ct);
            return Page();
        }
        Sent = true;
        return Page();
    }

    private async Task OfferAsync(CancellationToken ct)
    {
        var wanted = Follows.Organisations.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var organisations = wanted.Count == 0 ? [] : await sender.Send(new ListOrganisationsQuery(), ct);
        Follows.OfferedOrganisations = [.. organisations.Where(o => wanted.Contains(o.Id.ToString())).Select(o => (o.Id.ToString(), o.Name))];
        Follows.Organisations = [.. Follows.OfferedOrganisations.Select(o => o.Id)];
        Follows.OfferedQueries = [.. Follows.Queries.Distinct()];
    }
}
