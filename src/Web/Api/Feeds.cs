using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;

using Lessons.Application.Common.Ports;
using Lessons.Application.Reports.Queries;
using Lessons.Domain.Taxonomy;
using Lessons.Web.Infrastructure;
using Lessons.Web.Pages;

using Mediator;

namespace Lessons.Web.Api;

/// <summary>
/// <c>/feeds/reports.atom</c>: the search's filters (the same parameters as <c>/sok</c>, so a saved search's address
/// works here too), newest first, as Atom 1.0. Always what a visitor who is not signed in may read, whoever fetches
/// it, and links only from the site's public address. <c>lang=en</c> gives the feed's own words (title, subtitle,
/// categories) in English: a feed reader sends no cookie, so the address it keeps must carry the language. The
/// reports' titles and summaries stay Swedish and are marked so.
/// </summary>
internal static class Feeds
{
    private const int Entries = 50;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/feeds/reports.atom", async (HttpContext http, ISender sender, ISiteAddress site, CancellationToken ct) =>
        {
            if (http.Request.Query["lang"] == "en")
            {
                CultureInfo.CurrentCulture = Languages.English;
                CultureInfo.CurrentUICulture = Languages.English;
            }
            else
            {
                CultureInfo.CurrentCulture = Languages.Swedish;
                CultureInfo.CurrentUICulture = Languages.Swedish;
            }
            SearchPage page;
            try
            {
                var query = SearchParameters.Parse(http.Request.Query, Entries)
                    with { Sort = "newest", Page = 1, PageSize = Entries, AsAnonymousReader = true };
                page = await sender.Send(query, ct);
            }
            catch (Exception e) when (ErrorMapping.Classify(e).Status == StatusCodes.Status400BadRequest)
            {
                return ErrorMapping.ToProblem(e);
            }
            var self = site.Link("/feeds/reports.atom" + http.Request.QueryString.Value);
            var search = QueryString.Create(http.Request.Query.Where(p => p.Key != "lang"));
            var feed = new SyndicationFeed(
                UiText.Get("Lessons: nya erfarenhetsrapporter"), UiText.Get("Erfarenheter från offentlig sektor, misslyckanden inräknade."),
                new Uri(site.Link("/sok" + search.Value)), self,
                page.Items.Select(i => i.Report.PublishedAt).Max() ?? DateTimeOffset.UnixEpoch)
            {
                Language = Languages.Current,
                Items = [.. page.Items.Select(hit => Entry(hit.Report, site))],
            };
            feed.Links.Add(new SyndicationLink(new Uri(self), "self", null, "application/atom+xml", 0));
            feed.Authors.Add(new SyndicationPerson { Name = "Lessons" });
            var buffer = new MemoryStream();
            await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) }))
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
            return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
        }).CacheOutput(SharedPageCache.Policy);
        return routes;
    }

    private static SyndicationItem Entry(ReportSummary report, ISiteAddress site)
    {
        var url = site.Link($"/rapporter/{report.Id}");
        var published = report.PublishedAt ?? DateTimeOffset.UnixEpoch;
        var item = new SyndicationItem(report.Title, report.Summary, new Uri(url), url, published)
        {
            PublishDate = published,
            Summary = new TextSyndicationContent(report.Summary),
        };
        // Anonymous reports reach this list without their organisation (ReportSummary.Organisation is null).
        item.Authors.Add(new SyndicationPerson { Name = report.Organisation?.Name ?? UiText.Get("Anonym organisation") });
        item.Categories.Add(new SyndicationCategory(Vocabulary.Outcomes.Key(report.Outcome), null, Display.Outcome(report.Outcome)));
        item.Categories.Add(new SyndicationCategory(Vocabulary.Stages.Key(report.Stage), null, Display.Stage(report.Stage)));
        // The report is in Swedish whatever the feed's own language.
        if (UiText.IsEnglish) item.AttributeExtensions[new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace")] = "sv";
        return item;
    }
}
