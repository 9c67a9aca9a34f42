using System.Net;

using Lessons.Application.Reports;
using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.Http;

/// <summary>What anonymous readers share is served from the node's output cache; everything else never is.</summary>
public sealed class PageCacheTests
{
    private static readonly (string Name, string Value)[] Report =
    [
        ("Input.Summary", "En sammanfattning om nattkameror i hemtjänsten."),
        ("Input.YearStarted", "2024"),
        ("Input.Outcome", "delvis"),
        ("Input.Stage", "test"),
        ("Input.Principles", "testa-och-lara"),
        ("Input.Lessons", "- Fråga brukarna först."),
    ];

    private static async Task<(HttpClient Admin, HttpClient Author)> EditorsAsync(LessonsApp app)
    {
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Umeå kommun"), "Lägg till", [("Domain", "umea.se")]);
        var author = await app.RegisterAndConfirmAsync("anna.andersson@umea.se");
        await author.SignInAsync("anna.andersson@umea.se");
        return (admin, author);
    }

    /// <summary>A report's path: written by the author, submitted, and published by the administrator unless told not to.</summary>
    private static async Task<string> WriteAsync(HttpClient admin, HttpClient author, string title, bool publish = true,
        params (string Name, string Value)[] options)
    {
        var saved = await author.SubmitAsync("/rapporter/ny", "Spara utkast", [("Input.Title", title), .. Report, .. options]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;
        await author.SubmitAsync(path, "Skicka för granskning");
        if (publish) await admin.SubmitAsync(path, "Publicera");
        return path;
    }

    private static async Task<string> MainTextAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("main")!.TextContent;

    [Fact]
    public async Task Anonymous_readers_share_one_cached_page_that_a_signed_in_member_never_gets()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, author) = await EditorsAsync(app);
        var path = await WriteAsync(admin, author, "Nattkameror i hemtjänsten");
        var first = await app.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.TryGetValues("Set-Cookie", out var cookies), "a page for anonymous readers sets no cookie: " + string.Join("; ", cookies ?? []));
        Assert.Contains("Logga in", await app.Browser().GetStringAsync("/"), StringComparison.Ordinal);

        // Behind the site's back (no save through the app, so nothing evicts): only a cached page still shows the old text.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = Guid.Parse(path.Split('/')[^1]);
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LessonsDbContext>().Reports.Where(r => r.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<string?>(r, SectionsHtml.LessonsColumn), "<p>Ändrad i databasen.</p>")));
        }

        Assert.Contains("Fråga brukarna först.", await MainTextAsync(app.Browser(), path), StringComparison.Ordinal);
        Assert.Contains("Ändrad i databasen.", await MainTextAsync(author, path), StringComparison.Ordinal);
        var start = await author.GetPageAsync("/");
        Assert.Contains(start.QuerySelectorAll("header button"), b => b.TextContent == "Logga ut");
    }

    [Fact]
    public async Task An_anonymous_reader_sees_a_published_change_at_once_on_the_node_that_made_it()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, author) = await EditorsAsync(app);
        var path = await WriteAsync(admin, author, "Nattkameror i hemtjänsten", publish: false);
        var visitor = app.Browser();
        Assert.DoesNotContain("Nattkameror i hemtjänsten", await MainTextAsync(visitor, "/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nattkameror i hemtjänsten", await MainTextAsync(visitor, "/sok?q=nattkameror"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nattkameror i hemtjänsten", await visitor.GetStringAsync("/api/v1/reports?q=nattkameror"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nattkameror i hemtjänsten", await visitor.GetStringAsync("/feeds/reports.atom"), StringComparison.Ordinal);

        await admin.SubmitAsync(path, "Publicera");

        Assert.Contains("Nattkameror i hemtjänsten", await MainTextAsync(visitor, "/"), StringComparison.Ordinal);
        Assert.Contains("Nattkameror i hemtjänsten", await MainTextAsync(visitor, "/sok?q=nattkameror"), StringComparison.Ordinal);
        Assert.Contains("Nattkameror i hemtjänsten", await visitor.GetStringAsync("/api/v1/reports?q=nattkameror"), StringComparison.Ordinal);
        Assert.Contains("Nattkameror i hemtjänsten", await visitor.GetStringAsync("/feeds/reports.atom"), StringComparison.Ordinal);
        Assert.Contains("Fråga brukarna först.", await MainTextAsync(visitor, path), StringComparison.Ordinal);

        await author.SubmitAsync(path + "/redigera", "Spara ny version", [("Input.Lessons", "- Fråga personalen också.")]);

        Assert.Contains("Fråga personalen också.", await MainTextAsync(visitor, path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_api_answers_anonymous_readers_from_the_cache_and_a_change_saved_here_at_once()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, author) = await EditorsAsync(app);
        var path = await WriteAsync(admin, author, "Nattkameror i hemtjänsten");
        var api = "/api/v1/reports/" + path.Split('/')[^1];
        var first = await app.Browser().GetAsync(api);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Fråga brukarna först.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Behind the site's back (nothing evicts): only a copy from the cache still has the old text.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var id = Guid.Parse(path.Split('/')[^1]);
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<LessonsDbContext>().Reports.Where(r => r.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Content.Lessons, "- Ändrad i databasen.")));
        }

        Assert.Contains("Fråga brukarna först.", await app.Browser().GetStringAsync(api), StringComparison.Ordinal);
        Assert.Contains("Ändrad i databasen.", await author.GetStringAsync(api), StringComparison.Ordinal);

        await author.SubmitAsync(path + "/redigera", "Spara ny version", [("Input.Lessons", "- Fråga personalen också.")]);

        Assert.Contains("Fråga personalen också.", await app.Browser().GetStringAsync(api), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_only_content_never_enters_the_cache()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, author) = await EditorsAsync(app);
        var path = await WriteAsync(admin, author, "Nattkameror bara för medlemmar", options: ("Input.MembersOnly", "true"));
        Assert.Contains("Nattkameror bara för medlemmar", await MainTextAsync(author, path), StringComparison.Ordinal);
        Assert.Contains("Nattkameror bara för medlemmar", await MainTextAsync(author, "/sok?q=nattkameror"), StringComparison.Ordinal);
        Assert.Contains("Nattkameror bara för medlemmar", await author.GetStringAsync("/api/v1/reports?q=nattkameror"), StringComparison.Ordinal);

        var visitor = app.Browser();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).StatusCode);
        Assert.Contains("Nattkameror bara för medlemmar", await author.GetStringAsync("/api/v1/reports/" + path.Split('/')[^1]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/api/v1/reports/" + path.Split('/')[^1])).StatusCode);
        Assert.DoesNotContain("Nattkameror bara för medlemmar", await MainTextAsync(visitor, "/sok?q=nattkameror"), StringComparison.Ordinal);
        Assert.DoesNotContain("Nattkameror bara för medlemmar", await visitor.GetStringAsync("/api/v1/reports?q=nattkameror"), StringComparison.Ordinal);
    }
}
