using Lessons.Application.Reports.Queries;
using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

using Lessons.Web.Infrastructure;

using Mediator;

namespace Lessons.Web.Api;

/// <summary>The read API of DESIGN.md: the same requests as the pages, shaped as the external contract.</summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/reports").WithProblemDetails();
        api.MapGet("", async (HttpContext http, ISender sender, Links links, CancellationToken ct) =>
        {
            var page = await sender.Send(SearchParameters.Parse(http.Request.Query), ct);
            return Results.Ok(new
            {
                total = page.Total,
                page = page.Page,
                pageSize = page.PageSize,
                suggestion = page.Suggestion,
                items = page.Items.Select(hit => Item(hit.Report, links.Report(hit.Report.Id), hit)),
                facets = new
                {
                    outcome = page.Facets["outcome"],
                    principle = page.Facets["principle"],
                    challenge = page.Facets["challenge"],
                    stage = page.Facets["stage"],
                    organisationType = page.Facets["organisationType"],
                    organisation = page.Facets["organisation"],
                    year = page.Facets["year"],
                },
            });
        }).DescribeSearch().CacheOutput(SharedPageCache.Policy);
        api.MapGet("/{id}", async (string id, HttpContext http, ISender sender, Links links, CancellationToken ct) =>
        {
            var report = await sender.Send(new GetReportQuery(id), ct);
            return Results.Ok(Full(report, links.Report(report.Id)));
        // The same report every anonymous reader gets, as its page is: uncached, each answer was eight database round
        // trips, fifty times a cached answer's work, and the load test's mix spent most of a node's CPU on them.
        }).WithSummary("En rapport, med id eller extern id").ProducesProblem(StatusCodes.Status404NotFound).CacheOutput(SharedPageCache.Policy);
        api.MapGet("/{id}/similar", async (string id, HttpContext http, ISender sender, Links links, CancellationToken ct) =>
        {
            var similar = await sender.Send(new FindSimilarReportsQuery(id), ct);
            return Results.Ok(new { items = similar.Select(r => Item(r, links.Report(r.Id))) });
        }).WithSummary("Rapporter som liknar en rapport").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>A list item. From a search, <c>highlights</c> are HTML (encoded text, searched words in &lt;mark&gt;)
    /// and <c>titleHighlighted</c> is the title so; elsewhere they are empty and null.</summary>
    private static object Item(ReportSummary r, string url, SearchHit? hit = null) => new
    {
        id = r.Id,
        externalId = r.ExternalId,
        title = r.Title,
        summary = r.Summary,
        organisation = r.Organisation is { } o ? new { name = o.Name, type = Vocabulary.OrganisationTypes.Key(o.Type) } : null,
        year = r.Year,
        outcome = Vocabulary.Outcomes.Key(r.Outcome),
        stage = Vocabulary.Stages.Key(r.Stage),
        principles = r.Principles,
        challenges = r.Challenges,
        url,
        highlights = hit?.Highlights.Select(MarkedTextHtml.ToHtml) ?? [],
        titleHighlighted = hit is null ? null : MarkedTextHtml.ToHtml(hit.Title),
    };

    private static object Full(ReportDetails r, string url)
    {
        var c = r.Content;
        return new
        {
            id = r.Id,
            externalId = r.ExternalId,
            title = c.Title,
            summary = c.Summary,
            organisation = r.Organisation is { } o ? new { name = o.Name, type = Vocabulary.OrganisationTypes.Key(o.Type) } : null,
            anonymous = r.IsAnonymous,
            coOrganisations = r.CoOrganisations,
            year = c.YearStarted,
            yearEnded = c.YearEnded,
            outcome = Vocabulary.Outcomes.Key(c.Outcome),
            stage = Vocabulary.Stages.Key(c.Stage),
            principles = c.Principles,
            challenges = c.Challenges,
            innovationTypes = c.InnovationTypes,
            drivers = c.Drivers,
            effects = c.Effects.Select(e => new { kind = e.Kind, description = e.Description, value = e.Value, unit = e.Unit }),
            cost = new { sek = c.CostSek, effortHours = c.EffortHours, note = c.CostNote },
            collaborators = c.Collaborators,
            support = c.Support.Select(s => new { kind = s.Kind, provider = s.Provider }),
            links = c.Links.Select(l => new { title = l.Title, url = l.Url }),
            contact = c.ContactName is null && c.ContactEmail is null ? null : new { name = c.ContactName, email = c.ContactEmail },
            background = c.Background,
            whatWeDid = c.WhatWeDid,
            result = c.Result,
            lessons = c.Lessons,
            recommendations = c.Recommendations,
            status = r.Status.ToString().ToLowerInvariant(),
            visibility = r.Visibility == Visibility.Public ? "public" : "members",
            publishedAt = r.PublishedAt,
            updatedAt = r.UpdatedAt,
            revision = r.CurrentRevision,
            reuses = r.Reuses.Select(u => new { organisation = u.OrganisationName, note = u.Note, createdAt = u.CreatedAt }),
            url,
        };
    }
}
