using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>/insikter and the start page's numbers over the demo content.</summary>
public sealed class InsightsPagesTests
{
    /// <summary>A node just started builds its search index in the background; the numbers are compared with searches.</summary>
    private static async Task<HttpClient> SearchableDemoAsync(LessonsApp app)
    {
        var client = app.Browser();
        for (var i = 0; i < 300 && (await client.GetPageAsync("/sok")).QuerySelector("#index-progress") is not null; i++) await Task.Delay(100);
        return client;
    }

    [Fact]
    public async Task Each_insight_is_an_svg_chart_with_a_name_and_a_table_whose_rows_lead_to_the_reports_behind_them()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var client = await SearchableDemoAsync(app);
        var page = await client.GetPageAsync("/insikter");

        var charts = page.QuerySelectorAll("main section.chart").ToList();
        Assert.Equal(["Rapporter efter utfall", "Rapporter efter princip", "Utmaningar i misslyckade och avbrutna projekt",
            "Rapporter per organisationstyp", "Rapporter per startår", "Mest återanvända rapporter", "Organisationer som delar mest"],
            charts.Select(c => c.QuerySelector("h2")!.TextContent));
        var outcome = charts[0];
        var svg = outcome.QuerySelector("figure svg[role=img]")!;
        Assert.StartsWith("Rapporter efter utfall: ", svg.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(5, svg.QuerySelectorAll("rect.bar").Length);
        Assert.NotNull(outcome.QuerySelector("figure figcaption"));
        var failedRow = outcome.QuerySelectorAll("details table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Misslyckades");
        var failures = await client.GetPageAsync(failedRow.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(failedRow.QuerySelector("td")!.TextContent, failures.QuerySelector("[role=status] strong")!.TextContent);
    }

    [Fact]
    public async Task The_start_page_shows_how_many_reports_and_failures_there_are_and_leads_into_search_by_principle_and_challenge()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var client = await SearchableDemoAsync(app);
        var start = await client.GetPageAsync("/");
        var all = await client.GetPageAsync("/sok");
        var failed = await client.GetPageAsync("/sok?outcome=misslyckades&outcome=avbruten");

        var figures = start.QuerySelectorAll(".key-figures-line strong").Select(s => s.TextContent).ToList();
        Assert.Equal([all.QuerySelector("[role=status] strong")!.TextContent, failed.QuerySelector("[role=status] strong")!.TextContent], figures);
        Assert.DoesNotContain("0", figures);
        Assert.Contains(" misslyckanden och avbrott", start.QuerySelector(".key-figures-line")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, start.QuerySelectorAll("section[aria-labelledby=by-principle] a[href^='/sok?principle=']").Length);
        Assert.Equal(10, start.QuerySelectorAll("section[aria-labelledby=by-challenge] a[href^='/sok?challenge=']").Length);
    }
}
