using System.Net;
using System.Net.Http.Headers;

using AngleSharp.Html.Dom;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>
/// What holds for every page a reader, a member and a subscriber see (the list of the accessibility issue): valid
/// HTML's unique ids, and no more than 100 KB of script and style on the wire.
/// </summary>
public sealed class EveryPageTests
{
    private const int MaxScriptAndStyleBytes = 100 * 1024;

    /// <summary>The demo site with a member of Umeå kommun signed in and a confirmed subscriber, and every page
    /// (path, the HTML as served, its status) from the start page to the error pages.</summary>
    private static async Task<(LessonsApp App, List<(string Page, HttpResponseMessage Response)> Pages)> EveryPageAsync()
    {
        var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Umeå kommun"), "Lägg till", [("Domain", "umea.se")]);
        var member = await app.RegisterAndConfirmAsync("anna.andersson@umea.se");
        await member.SignInAsync("anna.andersson@umea.se");

        var reader = app.Browser();
        await reader.SubmitAsync("/prenumerera", "Prenumerera", [("email", "ida@example.org"), ("principles", "testa-och-lara")]);
        var confirmed = await HtmlForm.ParseAsync(await reader.SubmitAsync(app.LinkIn("ida@example.org", "/prenumerera/bekrafta/"), "Bekräfta"));
        var manage = confirmed.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First(h => h.StartsWith("/prenumerera/hantera/", StringComparison.Ordinal));
        var start = await reader.GetPageAsync("/");
        var report = start.QuerySelector("main article h3 a")!.GetAttribute("href")!;
        var organisation = await reader.OrganisationPathAsync("Exempelby kommun");

        var pages = new List<(string, HttpResponseMessage)>();
        foreach (var path in new[]
        {
            "/", "/sok?q=hemtjänst", "/sok?q=ingetsomfinnsalls&outcome=misslyckades", report, "/konto/logga-in", "/konto/registrera",
            "/prenumerera", manage, "/insikter", "/organisationer", organisation, "/om", "/om/personuppgifter", "/om/tillganglighet",
            "/finns-inte",
        })
            pages.Add((path, await reader.GetAsync(path)));
        foreach (var path in new[] { "/konto", "/rapporter/ny", "/moderering/synonymer", organisation })
            pages.Add(("(medlem) " + path, await member.GetAsync(path)));
        pages.Add(("(medlem) /rapporter/ny med fel", await member.SubmitAsync("/rapporter/ny", "Spara utkast", [("Input.Title", "")])));
        pages.Add(("(administratör) " + organisation, await admin.GetAsync(organisation)));
        return (app, pages);
    }

    [Fact]
    public async Task No_page_has_two_elements_with_the_same_id()
    {
        var (app, pages) = await EveryPageAsync();
        await using var _ = app;

        Assert.Contains(pages, p => p.Response.StatusCode == HttpStatusCode.NotFound);
        Assert.Contains(pages, p => p.Response.StatusCode == HttpStatusCode.Forbidden);
        Assert.Contains(pages, p => p.Response.StatusCode == HttpStatusCode.BadRequest);
        foreach (var (page, response) in pages)
        {
            var html = await HtmlForm.ParseAsync(response);
            var twice = html.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
            Assert.True(twice.Count == 0, $"{page}: {string.Join(", ", twice)}");
        }
    }

    [Fact]
    public async Task No_page_ships_more_than_100_KB_of_script_and_style_compressed()
    {
        var (app, pages) = await EveryPageAsync();
        await using var _ = app;
        var client = app.Browser();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);

        foreach (var (page, response) in pages)
        {
            var html = await HtmlForm.ParseAsync(response);
            var assets = html.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)
                .Concat(html.QuerySelectorAll("link[rel=stylesheet][href]").Select(l => l.GetAttribute("href")!)).Distinct().ToList();
            Assert.NotEmpty(assets);
            long total = 0;
            foreach (var asset in assets)
            {
                if (!sizes.TryGetValue(asset, out var size))
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, asset);
                    request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
                    request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
                    using var answer = await client.SendAsync(request);
                    Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                    // As served: the test client does not decompress, so these are the bytes on the wire.
                    Assert.Contains(answer.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
                    size = sizes[asset] = (await answer.Content.ReadAsByteArrayAsync()).LongLength;
                }
                total += size;
            }
            Assert.True(total <= MaxScriptAndStyleBytes, $"{page}: {total:N0} bytes of script and style ({string.Join(", ", assets)})");
        }
    }
}
