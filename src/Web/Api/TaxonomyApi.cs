using Lessons.Application.Taxonomy;
using Lessons.Infrastructure.Persistence;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Web.Api;

internal static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomyAndHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/taxonomy", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new GetTaxonomyQuery(), ct)));

        // 200 when the database answers. The check is a real round trip, not a cached flag.
        routes.MapGet("/health", async (LessonsDbContext db, CancellationToken ct) =>
        {
            try
            {
                return await db.Database.CanConnectAsync(ct)
                    ? Results.Ok(new { status = "ok" })
                    : Results.Json(new { status = "database unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                return Results.Json(new { status = "database unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return routes;
    }
}
