using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>The interface in English: chosen with the switch in the header, kept in a cookie, Swedish by default.</summary>
public sealed class EnglishTests
{
    /// <summary>Follows the header's language link from <paramref name="path"/> and answers the page it lands on.</summary>
    private static async Task<(string Landed, AngleSharp.Html.Dom.IHtmlDocument Page)> SwitchAsync(HttpClient client, string path, string linkText)
    {
        var page = await client.GetPageAsync(path);
        var link = page.QuerySelectorAll("header a").Single(a => a.TextContent.Trim() == linkText);
        var response = await client.GetAsync(link.GetAttribute("href")!);
        return (response.RequestMessage!.RequestUri!.PathAndQuery, await HtmlForm.ParseAsync(response));
    }

    [Fact]
    public async Task Swedish_is_the_default_even_for_a_browser_that_prefers_english()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var page = await client.GetPageAsync("/");

        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(page.QuerySelectorAll("header a"), a => a.TextContent == "Logga in");
    }

    [Fact]
    public async Task The_language_switch_keeps_the_page_and_its_query_and_the_choice_stays()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();

        var (landed, english) = await SwitchAsync(client, "/sok?q=hemtj%C3%A4nst&outcome=misslyckades", "In English");

        Assert.Equal("/sok?q=hemtj%C3%A4nst&outcome=misslyckades", landed);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("hemtjänst", ((AngleSharp.Html.Dom.IHtmlInputElement)english.QuerySelector("#q")!).Value);
        Assert.Contains(english.QuerySelectorAll("header a"), a => a.TextContent == "Sign in");
        var later = await client.GetPageAsync("/om");
        Assert.Equal("en", later.DocumentElement.GetAttribute("lang"));

        var (back, swedish) = await SwitchAsync(client, "/om", "På svenska");
        Assert.Equal("/om", back);
        Assert.Equal("sv", swedish.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_switch_sets_an_http_only_lax_cookie_and_never_sends_the_reader_to_another_site()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/sprak?to=en&back=" + Uri.EscapeDataString("//evil.example/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-lang=c%3Den-GB%7Cuic%3Den-GB;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sok?q=test")]
    public async Task The_page_cache_never_serves_a_reader_a_copy_in_the_other_language(string path)
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "600" });
        var swedishReader = app.Browser();
        var englishReader = app.Browser();
        await englishReader.GetAsync("/sprak?to=en");

        // Each language twice, in turns, so the second of each would be a cached copy of whatever came first.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            Assert.Equal("sv", (await swedishReader.GetPageAsync(path)).DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", (await englishReader.GetPageAsync(path)).DocumentElement.GetAttribute("lang"));
        }
    }
}
