using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using AngleSharp.Html.Dom;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>The search page's filters as a phone user meets them: chips, "Rensa filter", advice when nothing is found.</summary>
public sealed class SearchFilterTests
{
    private static Task<LessonsApp> DemoSite() =>
        LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });

    private static int Count(IHtmlDocument page) => int.Parse(page.QuerySelector("[role=status] strong")!.TextContent);

    /// <summary>What the API finds for the same filters: the page must say the same number, whatever the demo holds.</summary>
    private static async Task<int> Total(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=1&" + query)).GetProperty("total").GetInt32();

    /// <summary>The page once the node's search index is built (until then the database answers, without snippets).</summary>
    private static async Task<IHtmlDocument> IndexedAsync(HttpClient client, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await client.GetPageAsync(url);
            if (page.GetElementById("index-progress") is null || attempt == 100) return page;
            await Task.Delay(200);
        }
    }

    private static bool Ticked(IHtmlDocument page, string name, string value) =>
        page.QuerySelector($"input[type=checkbox][name={name}][value='{value}']")!.HasAttribute("checked");

    [Fact]
    public async Task Each_active_filter_is_a_chip_that_removes_only_that_filter_and_Rensa_filter_keeps_the_words()
    {
        await using var app = await DemoSite();
        var client = app.Browser();
        var page = await client.GetPageAsync("/sok?q=exempel&outcome=lyckades&outcome=avbruten&organisationType=kommun");

        Assert.Equal("Filter (3 valda)", page.QuerySelector("details.filters > summary")!.TextContent.Trim());
        var chips = page.QuerySelectorAll(".chips a").ToList();
        Assert.Equal(["Ta bort filtret Hur det gick: Avbruten ×", "Ta bort filtret Hur det gick: Lyckades (i drift) ×", "Ta bort filtret Typ av organisation: Kommun ×"],
            chips.Select(c => c.TextContent.Trim()).Order(StringComparer.Ordinal));

        var withoutSuccesses = await client.GetPageAsync(chips.Single(c => c.TextContent.Contains("Lyckades", StringComparison.Ordinal)).GetAttribute("href")!);
        Assert.False(Ticked(withoutSuccesses, "outcome", "lyckades"));
        Assert.True(Ticked(withoutSuccesses, "outcome", "avbruten"));
        Assert.True(Ticked(withoutSuccesses, "organisationType", "kommun"));
        Assert.Equal("exempel", withoutSuccesses.QuerySelector("#q")!.GetAttribute("value"));
        var abandonedInMunicipalities = await Total(client, "q=exempel&outcome=avbruten&organisationType=kommun");
        Assert.True(abandonedInMunicipalities > 0);
        Assert.Equal(abandonedInMunicipalities, Count(withoutSuccesses));
        Assert.Equal("Filter (2 valda)", withoutSuccesses.QuerySelector("details.filters > summary")!.TextContent.Trim());

        var clear = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Rensa filter").GetAttribute("href")!;
        Assert.Equal("/sok?q=exempel", clear);
        var cleared = await client.GetPageAsync(clear);
        Assert.Equal(await Total(client, "q=exempel"), Count(cleared));
        Assert.Empty(cleared.QuerySelectorAll(".chips a"));
        Assert.Equal("Filter", cleared.QuerySelector("details.filters > summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_chip_for_a_comma_separated_filter_removes_only_its_own_value()
    {
        await using var app = await DemoSite();
        var client = app.Browser();
        var page = await client.GetPageAsync("/sok?outcome=misslyckades,avbruten");

        var chip = page.QuerySelectorAll(".chips a").Single(a => a.TextContent.Contains("Misslyckades", StringComparison.Ordinal));
        Assert.Equal("/sok?outcome=avbruten", chip.GetAttribute("href"));
    }

    [Fact]
    public async Task A_search_without_hits_advises_fewer_words_removing_a_filter_and_watching_the_search()
    {
        await using var app = await DemoSite();
        var client = app.Browser();
        var response = await client.GetAsync("/sok?q=" + Uri.EscapeDataString("gurkmajonnäs kvastfening") + "&outcome=misslyckades");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);

        Assert.Equal(0, Count(page));
        var advice = page.QuerySelector(".no-hits")!;
        Assert.Contains("färre ord", advice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ta bort ett filter", advice.TextContent, StringComparison.Ordinal);
        var links = advice.QuerySelectorAll("a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.Equal("/sok?q=gurkmajonn%C3%A4s%20kvastfening", links["sök utan filter"]);
        var watch = await client.GetPageAsync(links["Bevaka den här sökningen"]);
        var box = (IHtmlInputElement)watch.QuerySelector("input[name=queries]")!;
        Assert.Equal("q=gurkmajonn%C3%A4s%20kvastfening&outcome=misslyckades", box.Value);
        Assert.True(box.IsChecked);
    }

    [Fact]
    public async Task Options_without_hits_are_marked_to_hide_on_a_phone_unless_ticked()
    {
        await using var app = await DemoSite();
        var page = await app.Browser().GetPageAsync("/sok?q=exempel&stage=ide&outcome=lyckades");

        var labels = page.QuerySelectorAll("details.filters .checks label").ToList();
        Assert.NotEmpty(labels);
        foreach (var label in labels)
        {
            var ticked = label.QuerySelector("input")!.HasAttribute("checked");
            var zero = label.TextContent.TrimEnd().EndsWith("(0)", StringComparison.Ordinal);
            Assert.True((zero && !ticked) == label.ClassList.Contains("facet-zero"), $"\"{label.TextContent.Trim()}\" ticked={ticked}");
        }
        Assert.True(Ticked(page, "stage", "ide"));
    }

    [Fact]
    public async Task Snippets_and_the_marked_title_are_inside_each_result_card()
    {
        await using var app = await DemoSite();
        var page = await IndexedAsync(app.Browser(), "/sok?q=" + Uri.EscapeDataString("hemtjänsten"));

        var cards = page.QuerySelectorAll(".report-list > article.report-card").ToList();
        Assert.NotEmpty(cards);
        var snippets = page.QuerySelectorAll("ul.snippets").ToList();
        Assert.NotEmpty(snippets);
        Assert.All(snippets, s => Assert.NotNull(s.Closest("article.report-card")));
        Assert.NotNull(cards[0].QuerySelector("ul.snippets li mark"));
        Assert.NotNull(cards[0].QuerySelector("h3 a mark"));
    }
}
