using Lessons.Application.Common.Errors;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Application.Subscriptions.Queries;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Subscriptions;

/// <summary>
/// The unsubscribe link of every digest. A GET only shows the choices ("this follow", "everything"); a POST of the
/// link itself is RFC 8058's one-click unsubscribe, sent by mail clients without cookies, antiforgery token or body.
/// Antiforgery is off for this page alone: the signed token in the address is the credential, and every POST here
/// does no more than the one-click POST may do anyway.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(ISender sender) : PageModel
{
    public SubscriptionView? Subscription { get; private set; }

    public FollowView? Follow { get; private set; }

    public string Done { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, Guid? bevakning, CancellationToken ct)
    {
        try
        {
            Subscription = await sender.Send(new GetSubscriptionQuery(token), ct);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Follow = Subscription.Follows.FirstOrDefault(f => f.Id == bevakning);
        return Page();
    }

    /// <summary>One-click (RFC 8058): the body, when there is one, is <c>List-Unsubscribe=One-Click</c>; either way everything ends.</summary>
    public Task<IActionResult> OnPostAsync(string token, CancellationToken ct) => SendAsync(token, null, "Du får inga fler veckobrev.", ct);

    public Task<IActionResult> OnPostFollowAsync(string token, Guid followId, CancellationToken ct) =>
        SendAsync(token, followId, "Bevakningen är borttagen. Dina andra bevakningar finns kvar.", ct);

    private async Task<IActionResult> SendAsync(string token, Guid? followId, string done, CancellationToken ct)
    {
        try
        {
            await sender.Send(new UnsubscribeCommand(token, followId), ct);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Done = done;
        Subscription = await sender.Send(new GetSubscriptionQuery(token), ct);
        return Page();
    }
}
