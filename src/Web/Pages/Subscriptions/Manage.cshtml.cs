using Lessons.Application.Common.Errors;
using Lessons.Application.Organisations.Queries;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Application.Subscriptions.Queries;
using Lessons.Domain.Subscriptions;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Subscriptions;

/// <summary>A subscriber without an account manages the follows here, from the link in every mail.</summary>
public sealed class ManageModel(ISender sender) : PageModel
{
    public SubscriptionView? Subscription { get; private set; }

    [BindProperty] public FollowForm Follows { get; set; } = new();

    /// <summary>The language of the subscriber's mails, <c>sv</c> or <c>en</c>.</summary>
    [BindProperty] public string? Language { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFoundPage();
        Follows = FollowForm.From(Subscription!.Choice);
        await OfferAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        try
        {
            await sender.Send(new UpdateFollowsCommand(token, Follows.ToChoice()), ct);
        }
        catch (NotFoundException)
        {
            return NotFoundPage();
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(token, ct);
            await OfferAsync(ct);
            return Page();
        }
        TempData["Status"] = "Dina bevakningar är sparade.";
        return RedirectToPage(new { token });
    }

    public async Task<IActionResult> OnPostLanguageAsync(string token, CancellationToken ct)
    {
        try
        {
            await sender.Send(new ChooseDigestLanguageCommand(token, Language ?? ""), ct);
        }
        catch (NotFoundException)
        {
            return NotFoundPage();
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(token, ct);
            Follows = FollowForm.From(Subscription!.Choice);
            await OfferAsync(ct);
            return Page();
        }
        TempData["Status"] = "Språket för veckobrevet är sparat.";
        return RedirectToPage(new { token });
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        Subscription = null;
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        try
        {
            Subscription = await sender.Send(new GetSubscriptionQuery(token), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>Boxes for every organisation and search the subscriber follows, ticked or not.</summary>
    private async Task OfferAsync(CancellationToken ct)
    {
        var followed = Subscription?.Follows ?? [];
        var ids = followed.Where(f => f.Kind == FollowKind.Organisation).Select(f => f.Key).Concat(Follows.Organisations)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var organisations = ids.Count == 0 ? [] : await sender.Send(new ListOrganisationsQuery(), ct);
        Follows.OfferedOrganisations = [.. organisations.Where(o => ids.Contains(o.Id.ToString())).Select(o => (o.Id.ToString(), o.Name))];
        Follows.OfferedQueries = [.. followed.Where(f => f.Kind == FollowKind.Search).Select(f => f.Key).Concat(Follows.Queries).Distinct()];
    }
}
