using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

public sealed class ApiTests
{
    private static Task<LessonsApp> DemoSite() =>
        LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });

    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        await using var app = await DemoSite();
        var response = await app.Browser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_report_list_has_the_contract_shape_with_facets()
    {
        await using var app = await DemoSite();
        var json = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=2");

        // Every public report, as many as the open-data download holds.
        var everything = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/reports.json");
        Assert.Equal(everything.GetProperty("reports").GetArrayLength(), json.GetProperty("total").GetInt32());
        Assert.Equal((1, 2), (json.GetProperty("page").GetInt32(), json.GetProperty("pageSize").GetInt32()));
        var item = json.GetProperty("items")[0];
        foreach (var field in new[] { "id", "externalId", "title", "summary", "organisation", "year", "outcome", "stage", "principles", "challenges", "url", "highlights" })
            Assert.True(item.TryGetProperty(field, out _), $"item lacks {field}");
        Assert.StartsWith("https://localhost/rapporter/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        var inExempelby = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=2&organisation=" + Uri.EscapeDataString("Exempelby kommun"));
        Assert.Equal("kommun", inExempelby.GetProperty("items").EnumerateArray().First(i => i.GetProperty("organisation").GetProperty("name").GetString() == "Exempelby kommun")
            .GetProperty("organisation").GetProperty("type").GetString());
        var facets = json.GetProperty("facets");
        foreach (var facet in new[] { "outcome", "principle", "challenge", "stage", "organisationType", "year" })
            Assert.True(facets.TryGetProperty(facet, out _), $"facets lack {facet}");
        Assert.Equal(everything.GetProperty("reports").EnumerateArray().Count(r => r.GetProperty("outcome").GetString() == "avbruten"),
            facets.GetProperty("outcome").GetProperty("avbruten").GetInt32());
    }

    [Fact]
    public async Task Filters_combine_with_or_within_a_facet_and_and_across_facets()
    {
        await using var app = await DemoSite();
        var client = app.Browser();

        var all = (await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=1")).GetProperty("facets");
        int Outcome(JsonElement facets, string key) => facets.GetProperty("outcome").GetProperty(key).GetInt32();

        var failures = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?outcome=misslyckades&outcome=avbruten&pageSize=50");
        Assert.Equal(Outcome(all, "misslyckades") + Outcome(all, "avbruten"), failures.GetProperty("total").GetInt32());
        // A facet is counted without its own filter: the page can say how many succeeded, to add them.
        Assert.Equal(Outcome(all, "lyckades"), Outcome(failures.GetProperty("facets"), "lyckades"));
        Assert.All(failures.GetProperty("items").EnumerateArray(),
            i => Assert.Contains(i.GetProperty("outcome").GetString(), new[] { "misslyckades", "avbruten" }));
        var inRegions = failures.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("organisation").GetProperty("type").GetString() == "region").Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(inRegions.Count, failures.GetProperty("facets").GetProperty("organisationType").GetProperty("region").GetInt32());

        var narrowed = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?outcome=misslyckades,avbruten&organisationType=region&pageSize=50");
        Assert.NotEmpty(inRegions);
        Assert.Equal(inRegions.Order(StringComparer.Ordinal),
            narrowed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_search_page_counts_hits_per_organisation_and_per_year_and_each_narrows_the_search()
    {
        await using var app = await DemoSite();
        var client = app.Browser();
        var page = await client.GetPageAsync("/sok?q=exempel");
        int Count(AngleSharp.Html.Dom.IHtmlDocument p) => int.Parse(p.QuerySelector("[role=status] strong")!.TextContent);
        // Every demo report says it is an example.
        Assert.Equal((await client.GetFromJsonAsync<JsonElement>("/api/v1/reports.json")).GetProperty("reports").GetArrayLength(), Count(page));

        var organisation = page.QuerySelectorAll("input[type=checkbox][name=organisation]")
            .Single(b => b.ParentElement!.TextContent.Contains("Exempelby kommun", StringComparison.Ordinal));
        var counted = int.Parse(System.Text.RegularExpressions.Regex.Match(organisation.ParentElement!.TextContent, @"\((\d+)\)").Groups[1].Value);
        var byOrganisation = await HtmlForm.ParseAsync(await client.SubmitAsync(page, "/sok", "Filtrera", [("organisation", organisation.GetAttribute("value")!)]));
        Assert.Equal(counted, Count(byOrganisation));
        Assert.InRange(counted, 1, 5);
        Assert.True(byOrganisation.QuerySelector($"input[name=organisation][value='{organisation.GetAttribute("value")}']")!.HasAttribute("checked"));

        var year = page.QuerySelectorAll(".year-counts li")[0];
        var inYear = await client.GetPageAsync(year.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(year.TextContent.Split('(', ')')[1], Count(inYear).ToString());
        Assert.Equal(year.QuerySelector("a")!.TextContent, inYear.QuerySelector("#yearFrom")!.GetAttribute("value"));
        Assert.Equal("exempel", inYear.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("outcome=kanske", "outcome")]
    [InlineData("principle=att-vara-snabb", "principle")]
    [InlineData("page=abc", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("yearFrom=2030&yearTo=2020", "yearTo")]
    [InlineData("yearFrom=tjugo", "yearFrom")]
    [InlineData("sort=random", "sort")]
    public async Task Bad_parameters_answer_400_problem_json_naming_the_field(string query, string field)
    {
        await using var app = await DemoSite();
        var response = await app.Browser().GetAsync("/api/v1/reports?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Malformed_query_text_is_read_as_plain_words_and_never_fails()
    {
        await using var app = await DemoSite();
        var client = app.Browser();
        foreach (var q in new[] { "\"", "AND", "title:", "(((", "*", "-", "\u0001\u0002", new string('x', 10_000), "🤖 chattbot",
            "\"\"", "-\"", "-*", "***", "a*b*", "\"oavslutad fras", "NOT -", "title:\"x\" OR y~2^3", string.Concat(Enumerable.Repeat("\"a\" -b c* ", 500)),
            new string('\uD83E', 3) })
        {
            var response = await client.GetAsync("/api/v1/reports?q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_misspelt_search_suggests_the_word_and_marks_it_in_the_api_and_on_the_page()
    {
        await using var app = await DemoSite();
        var client = app.Browser();

        var answer = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?q=bygglovsfr%C3%A5gro");
        Assert.Equal("bygglovsfrågor", answer.GetProperty("suggestion").GetString());
        var first = answer.GetProperty("items")[0];
        Assert.Contains("<mark>bygglovsfrågor</mark>", first.GetProperty("titleHighlighted").GetString(), StringComparison.Ordinal);

        var page = await client.GetPageAsync("/sok?q=bygglovsfr%C3%A5gro");
        Assert.Contains("Menade du", page.QuerySelector(".suggestion")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/sok?q=bygglovsfr%C3%A5gor", page.QuerySelector(".suggestion a")!.GetAttribute("href"));
        Assert.NotEmpty(page.QuerySelectorAll(".report-card h3 mark"));
    }

    [Fact]
    public async Task A_report_is_found_by_id_or_external_id_and_an_unknown_one_is_a_404_problem()
    {
        await using var app = await DemoSite();
        var client = app.Browser();

        var byExternal = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/exempel-2");
        Assert.Equal("avbruten", byExternal.GetProperty("outcome").GetString());
        var id = byExternal.GetProperty("id").GetString();
        var byId = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}");
        Assert.Equal(byExternal.GetProperty("title").GetString(), byId.GetProperty("title").GetString());
        Assert.Contains("kunskapsbas", byId.GetProperty("whatWeDid").GetString(), StringComparison.Ordinal);

        var missing = await client.GetAsync($"/api/v1/reports/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_taxonomy_lists_every_vocabulary_with_keys_and_Swedish_labels()
    {
        await using var app = await DemoSite();
        var json = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/taxonomy");
        Assert.Equal(5, json.GetProperty("principles").GetArrayLength());
        Assert.Equal(10, json.GetProperty("challenges").GetArrayLength());
        var failed = json.GetProperty("outcomes").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "misslyckades");
        Assert.Equal("Misslyckades", failed.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Similar_reports_are_listed_for_a_report_and_a_missing_one_is_a_404_problem()
    {
        await using var app = await DemoSite();
        var client = app.Browser();

        var similar = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports/exempel-1/similar");
        Assert.True(similar.GetProperty("items").GetArrayLength() > 0);
        Assert.All(similar.GetProperty("items").EnumerateArray(), i => Assert.NotEqual("exempel-1", i.GetProperty("externalId").GetString()));

        var missing = await client.GetAsync($"/api/v1/reports/{Guid.NewGuid()}/similar");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
