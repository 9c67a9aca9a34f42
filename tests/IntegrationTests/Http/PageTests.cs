using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

public sealed class PageTests
{
    [Fact]
    public async Task Every_page_sends_a_strict_content_security_policy_and_no_inline_script()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var client = app.Browser();
        var report = (await client.GetPageAsync("/")).QuerySelector("main article h3 a")!.GetAttribute("href")!;

        foreach (var path in new[] { "/", "/sok?q=lås", report, "/organisationer", "/konto/logga-in", "/konto/registrera", "/om/tillganglighet", "/om", "/om/personuppgifter", "/insikter", "/finns-inte" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }
    }

    /// <summary>Files are served straight after the security headers are set, and the static-file middleware ends the
    /// pipeline there: whatever comes after it never runs for a file, so the headers must already be on.</summary>
    [Fact]
    public async Task Static_files_carry_the_same_security_headers_as_pages_plain_compressed_and_not_modified()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();
        string[] names = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy"];
        var page = await client.GetAsync("/");
        var expected = names.ToDictionary(n => n, n => string.Join(";", page.Headers.GetValues(n)));
        Assert.Equal("nosniff", expected["X-Content-Type-Options"]);

        foreach (var path in new[] { "/css/site.css", "/js/site.js", "/favicon.svg" })
        {
            var plain = await client.GetAsync(path);
            using var brotli = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Accept-Encoding", "br" } } };
            var compressed = await client.SendAsync(brotli);
            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
            var notModified = await client.SendAsync(again);

            foreach (var response in new[] { plain, compressed, notModified })
            {
                foreach (var name in names)
                {
                    Assert.True(response.Headers.TryGetValues(name, out var values), $"{path} ({response.StatusCode}, {response.Content.Headers.ContentEncoding.FirstOrDefault() ?? "plain"}) has no {name}");
                    Assert.Equal(expected[name], string.Join(";", values));
                }
            }
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Equal("br", compressed.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Fact]
    public async Task The_start_page_lists_the_latest_reports_and_each_links_to_its_page()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var client = app.Browser();
        var start = await client.GetPageAsync("/");
        var links = start.QuerySelectorAll("main article h3 a").ToList();
        Assert.Equal(12, links.Count);

        var page = await client.GetPageAsync(links[0].GetAttribute("href")!);
        Assert.Equal(links[0].TextContent, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("#h-lessons"));
        Assert.Contains("Exempel", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);   // demo content says it is an example
    }

    [Fact]
    public async Task A_missing_report_is_a_404_page_in_Swedish()
    {
        await using var app = await LessonsApp.StartAsync();
        var response = await app.Browser().GetAsync($"/rapporter/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_search_filters_show_the_problem_on_the_page_instead_of_failing()
    {
        await using var app = await LessonsApp.StartAsync();
        var response = await app.Browser().GetAsync("/sok?yearFrom=abc&outcome=kanske");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("yearFrom ska vara ett heltal", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_a_report_needs_a_signed_in_member()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/rapporter/ny");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = await LessonsApp.StartAsync();
        var response = await app.Browser().PostAsync("/konto/logga-in",
            new FormUrlEncodedContent([KeyValuePair.Create("Email", "a@b.se"), KeyValuePair.Create("Password", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Only_moderators_see_and_change_the_synonym_list()
    {
        await using var app = await LessonsApp.StartAsync();
        var member = await app.RegisterAndConfirmAsync("vanlig@exempel.se");
        await member.SignInAsync("vanlig@exempel.se");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/moderering/synonymer")).StatusCode);

        var admin = await app.AdminAsync();
        var empty = await admin.SubmitAsync("/moderering/synonymer", "Lägg till", [("Terms", "bara ett ord")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var added = await admin.SubmitAsync("/moderering/synonymer", "Lägg till", [("Terms", "snöröjning\nvinterväghållning")]);

        Assert.Contains("snöröjning, vinterväghållning", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_typed_without_diacritics_finds_the_reports_and_offers_the_word_with_them()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });

        var page = await app.Browser().GetPageAsync("/sok?q=hemtjanst");

        var suggestion = page.QuerySelector("p.suggestion")!;
        Assert.Equal("Menade du hemtjänst? Träffarna nedan gäller den stavningen.", suggestion.TextContent.Trim());
        Assert.Equal("/sok?q=hemtjänst", Uri.UnescapeDataString(suggestion.QuerySelector("a")!.GetAttribute("href")!));
        Assert.Contains(page.QuerySelectorAll(".report-list mark"), m => m.TextContent.StartsWith("hemtjänst", StringComparison.OrdinalIgnoreCase));
    }
}
