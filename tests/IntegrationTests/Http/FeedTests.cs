using System.Net;
using System.Xml.Linq;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>/feeds/reports.atom: Atom 1.0 with the search's filters, absolute links, and only what a visitor may read.</summary>
public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static readonly (string Name, string Value)[] Report =
    [
        ("Input.Summary", "En sammanfattning som räcker för flödet."),
        ("Input.YearStarted", "2024"),
        ("Input.Outcome", "misslyckades"),
        ("Input.Stage", "test"),
        ("Input.Principles", "testa-och-lara"),
        ("Input.Challenges", "upphandling-och-avtal"),
        ("Input.Lessons", "- Börja smått."),
    ];

    /// <summary>A report by a member of Umeå kommun, published by the administrator.</summary>
    private static async Task PublishAsync(HttpClient admin, HttpClient author, string title, params (string Name, string Value)[] options)
    {
        var chosen = options.Select(o => o.Name).ToHashSet();
        var saved = await author.SubmitAsync("/rapporter/ny", "Spara utkast", [("Input.Title", title), .. Report.Where(f => !chosen.Contains(f.Name)), .. options]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;
        await author.SubmitAsync(path, "Skicka för granskning");
        await admin.SubmitAsync(path, "Publicera");
    }

    /// <summary>The feed, once the search index has caught up with <paramref name="expected"/> entries.</summary>
    private static async Task<XDocument> FeedAsync(HttpClient client, string query, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync("/feeds/reports.atom" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
            if (feed.Root!.Elements(Atom + "entry").Count() >= expected || attempt == 50) return feed;
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_feed_is_valid_Atom_with_the_searchs_filters_and_hides_members_only_reports_and_anonymous_organisations()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Umeå kommun"), "Lägg till", [("Domain", "umea.se")]);
        var author = await app.RegisterAndConfirmAsync("anna.andersson@umea.se");
        await author.SignInAsync("anna.andersson@umea.se");
        await PublishAsync(admin, author, "Öppen rapport om upphandling");
        await PublishAsync(admin, author, "Anonym rapport om upphandling", ("Input.Anonymous", "true"));
        await PublishAsync(admin, author, "Rapport bara för medlemmar", ("Input.MembersOnly", "true"));
        await PublishAsync(admin, author, "Rapport om annat", ("Input.Outcome", "lyckades"));

        // Signed in as a member who may read everything: the feed is still what a visitor sees.
        var feed = await FeedAsync(author, "?outcome=misslyckades", expected: 2);

        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        foreach (var required in new[] { "id", "title", "updated" }) Assert.NotNull(root.Element(Atom + required));
        Assert.Equal("https://localhost/feeds/reports.atom?outcome=misslyckades",
            root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(["Anonym rapport om upphandling", "Öppen rapport om upphandling"], entries.Select(e => e.Element(Atom + "title")!.Value).Order());
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated", "summary", "author" }) Assert.NotNull(entry.Element(Atom + required));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
            var link = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") is null or "alternate").Attribute("href")!.Value;
            Assert.StartsWith("https://localhost/rapporter/", link, StringComparison.Ordinal);
        }
        var anonymous = entries.Single(e => e.Element(Atom + "title")!.Value == "Anonym rapport om upphandling");
        Assert.Equal("Anonym organisation", anonymous.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.DoesNotContain("Umeå", anonymous.ToString(), StringComparison.Ordinal);
        Assert.Equal("Umeå kommun", entries.Single(e => e != anonymous).Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    [Fact]
    public async Task A_feed_with_a_bad_filter_answers_400_naming_the_field()
    {
        await using var app = await LessonsApp.StartAsync();

        var response = await app.Browser().GetAsync("/feeds/reports.atom?outcome=kanske");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"outcome\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
