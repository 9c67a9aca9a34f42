using System.Net.Http.Json;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>
/// The demo a newcomer sees on a new installation: enough to show the product working, and clearly invented. Counted
/// through the API and the pages, so the demo can grow without the tests knowing its numbers.
/// </summary>
public sealed class DemoContentTests
{
    private static Task<LessonsApp> DemoSite() =>
        LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });

    [Fact]
    public async Task The_demo_covers_every_outcome_stage_principle_and_challenge_and_every_report_is_marked_as_an_example()
    {
        await using var app = await DemoSite();
        var client = app.Browser();

        var taxonomy = await client.GetFromJsonAsync<JsonElement>("/api/v1/taxonomy");
        var facets = (await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=1")).GetProperty("facets");
        foreach (var (list, facet) in new[] { ("outcomes", "outcome"), ("stages", "stage"), ("principles", "principle"), ("challenges", "challenge"), ("organisationTypes", "organisationType") })
            foreach (var key in taxonomy.GetProperty(list).EnumerateArray().Select(t => t.GetProperty("key").GetString()!))
                Assert.True(facets.GetProperty(facet).TryGetProperty(key, out var count) && count.GetInt32() > 0, $"no demo report has {facet} {key}");

        var reports = (await client.GetFromJsonAsync<JsonElement>("/api/v1/reports.json")).GetProperty("reports").EnumerateArray().ToList();
        Assert.All(reports, r => Assert.StartsWith("Exempel: ", r.GetProperty("title").GetString(), StringComparison.Ordinal));
        Assert.All(reports, r => Assert.StartsWith("Ett påhittat exempel.", r.GetProperty("summary").GetString(), StringComparison.Ordinal));
        // Effects to compare: most successes say what they achieved.
        var successes = reports.Where(r => r.GetProperty("outcome").GetString() == "lyckades").ToList();
        Assert.True(successes.Count(r => r.TryGetProperty("effects", out _)) * 2 > successes.Count, "most successes have no effects");
    }

    [Fact]
    public async Task The_demo_organisations_are_marked_as_invented_and_have_no_real_names()
    {
        await using var app = await DemoSite();
        var client = app.Browser();

        var reports = (await client.GetFromJsonAsync<JsonElement>("/api/v1/reports.json")).GetProperty("reports").EnumerateArray();
        foreach (var name in reports.Select(r => r.GetProperty("organisation").GetString()!).Distinct())
        {
            Assert.Contains("Exempel", name, StringComparison.Ordinal);
            var page = await client.GetPageAsync(await client.OrganisationPathAsync(name));
            Assert.Contains("Exempel: påhittad organisation", page.QuerySelector("main .meta")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_most_reused_chart_and_some_reports_version_history_are_not_empty()
    {
        await using var app = await DemoSite();
        var client = app.Browser();

        var insights = await client.GetPageAsync("/insikter");
        var reused = insights.QuerySelector("#ateranvanda-title")!.Closest("section")!;
        Assert.True(reused.QuerySelectorAll("rect.bar").Length >= 3, reused.TextContent);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=100");
        var revised = 0;
        var reuses = 0;
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{item.GetProperty("id").GetString()}");
            if (report.GetProperty("revision").GetInt32() > 1) revised++;
            reuses += report.GetProperty("reuses").GetArrayLength();
        }
        Assert.True(revised >= 2, $"{revised} revised reports");
        Assert.True(reuses >= 5, $"{reuses} reuse marks");
    }
}
