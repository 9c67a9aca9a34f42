using System.Text.Json;

using Lessons.Application.Common.Errors;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;

using Lessons.Web.Infrastructure;

using Mediator;

namespace Lessons.Web.Api;

/// <summary><c>POST /api/v1/subscriptions</c> of DESIGN.md: the same request as the page <c>/prenumerera</c>.</summary>
internal static class SubscriptionsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>language</c> is the mails' language, <c>sv</c> (the default) or <c>en</c>.</summary>
    private sealed record Body(string? Email, FollowsBody? Follows, string? Language);

    private sealed record FollowsBody(
        IReadOnlyList<string>? Principles, IReadOnlyList<string>? Challenges, IReadOnlyList<string>? Organisations,
        IReadOnlyList<string>? OrganisationTypes, IReadOnlyList<string>? Queries);

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/subscriptions").WithProblemDetails();
        api.MapPost("", async (HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var body = await ReadAsync(http, ct);
            var follows = body.Follows is { } f
                ? new FollowChoice
                {
                    Principles = f.Principles ?? [],
                    Challenges = f.Challenges ?? [],
                    Organisations = f.Organisations ?? [],
                    OrganisationTypes = f.OrganisationTypes ?? [],
                    Queries = f.Queries ?? [],
                }
                : new FollowChoice();
            await sender.Send(new SubscribeCommand(body.Email ?? "", follows, body.Language), ct);
            // The same answer for a new, a pending and a confirmed address: it says nothing about who subscribes.
            return Results.Accepted(value: new { status = "Om adressen kan ta emot e-post har vi skickat ett meddelande. Prenumerationen börjar när länken i det har bekräftats." });
        });
        return routes;
    }

    private static async Task<Body> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            throw new ValidationFailedException("body", "Skicka JSON (Content-Type: application/json).");
        try
        {
            return await JsonSerializer.DeserializeAsync<Body>(http.Request.Body, Json, ct)
                ?? throw new ValidationFailedException("body", "Förfrågan saknar innehåll.");
        }
        catch (JsonException e)
        {
            // "$.follows.principles" → "follows.principles": the same names as the validator's.
            var field = e.Path is { Length: > 2 } path ? path[2..].Split('[')[0] : "body";
            throw new ValidationFailedException(field, "Värdet har fel form för det här fältet.");
        }
    }
}
