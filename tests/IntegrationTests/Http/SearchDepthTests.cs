using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>How deep a search pages: every share of the index collects page × pageSize hits, so the depth is bounded.</summary>
public sealed class SearchDepthTests
{
    [Fact]
    public async Task Paging_beyond_a_thousand_hits_answers_400_naming_page_and_the_limit()
    {
        await using var app = await LessonsApp.StartAsync();
        var browser = app.Browser();

        var last = await browser.GetAsync("/api/v1/reports?page=10&pageSize=100");
        var beyond = await browser.GetAsync("/api/v1/reports?page=11&pageSize=100");

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal("application/problem+json", beyond.Content.Headers.ContentType?.MediaType);
        var problem = await beyond.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("page")[0].GetString();
        Assert.Contains("högst 1000 träffar", message, StringComparison.Ordinal);
        Assert.Contains("sida 10 den sista", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_says_how_deep_it_pages_when_asked_for_a_page_beyond()
    {
        await using var app = await LessonsApp.StartAsync();

        var response = await app.Browser().GetAsync("/sok?q=vård&page=51");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sökningen visar högst 1000 träffar: med 20 per sida är sida 50 den sista.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
