using Lessons.Application.Organisations.Queries;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Application.Subscriptions.Queries;
using Lessons.Domain.Subscriptions;
using Lessons.Web.Infrastructure;
using Lessons.Web.Pages.Subscriptions;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

/// <summary>A signed-in member manages the weekly digest's follows here, the same ones a mail's manage link shows.</summary>
public sealed class FollowsModel(ISender sender) : PageModel
{
    public MyFollows Mine { get; private set; } = null!;

    [BindProperty] public FollowForm Follows { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Mine = await sender.Send(new GetMyFollowsQuery(), ct);
        Follows = Mine.Subscription is { } s ? FollowForm.From(s.Choice) : FollowForm.FromQuery(Request.Query);
        await OfferAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await sender.Send(new SaveMyFollowsCommand(Follows.ToChoice()), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Mine = await sender.Send(new GetMyFollowsQuery(), ct);
            await OfferAsync(ct);
            return Page();
        }
        TempData["Status"] = "Dina bevakningar är sparade.";
        return RedirectToPage();
    }

    /// <summary>Boxes for every organisation and search followed, ticked or not.</summary>
    private async Task OfferAsync(CancellationToken ct)
    {
        var followed = Mine.Subscription?.Follows ?? [];
        var ids = followed.Where(f => f.Kind == FollowKind.Organisation).Select(f => f.Key).Concat(Follows.Organisations)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var organisations = ids.Count == 0 ? [] : await sender.Send(new ListOrganisationsQuery(), ct);
        Follows.OfferedOrganisations = [.. organisations.Where(o => ids.Contains(o.Id.ToString())).Select(o => (o.Id.ToString(), o.Name))];
        Follows.OfferedQueries = [.. followed.Where(f => f.Kind == FollowKind.Search).Select(f => f.Key).Concat(Follows.Queries).Distinct()];
    }
}
