using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

using AngleSharp.Dom;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>The interface in English: chosen with the switch in the header, kept in a cookie, Swedish by default.</summary>
public sealed partial class EnglishTests
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

    [Fact]
    public async Task Search_in_the_english_interface_finds_the_swedish_reports_with_swedish_stemming()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var swedish = app.Browser();
        var english = app.Browser();
        await english.GetAsync("/sprak?to=en");

        // "chattboten" is the definite form: only the Swedish analysis makes it find "chattbot".
        static IEnumerable<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll(".report-list h3").Select(h => h.TextContent.Trim());
        var inSwedish = Titles(await swedish.GetPageAsync("/sok?q=chattboten")).ToList();
        var inEnglish = await english.GetPageAsync("/sok?q=chattboten");

        Assert.NotEmpty(inSwedish);
        Assert.Equal(inSwedish, Titles(inEnglish));
        Assert.Equal("en", inEnglish.DocumentElement.GetAttribute("lang"));
        Assert.All(inEnglish.QuerySelectorAll(".report-list h3"), h => Assert.Equal("sv", h.GetAttribute("lang")));
    }

    [Fact]
    public async Task A_form_with_errors_says_what_to_correct_in_english()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Lunds kommun"), "Lägg till", [("Domain", "lund.se")]);
        var author = await app.RegisterAndConfirmAsync("ida@lund.se");
        await author.SignInAsync("ida@lund.se");
        await author.GetAsync("/sprak?to=en");

        var response = await author.SubmitAsync("/rapporter/ny", "Save draft", [("Input.Title", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Equal("Something needs correcting", page.QuerySelector(".error-summary h2")!.TextContent);
        var errors = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Contains("Title is required: write a title.", errors);
        Assert.Contains("Summary is required: write a short summary.", errors);
        Assert.Contains(page.QuerySelectorAll(".field-validation-error"), e => e.TextContent.Contains("Title is required", StringComparison.Ordinal));
    }

    /// <summary>Swedish letters a page shows outside what is marked as Swedish (report content, organisation names,
    /// the link back to Swedish): text and the attributes a reader meets (title, labels, placeholders).</summary>
    private static IReadOnlyList<string> SwedishOutsideLangSv(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        // A report's or an organisation's page is titled by its Swedish heading, and a chart's accessible name reads
        // out its bars, which may be names; both are shown marked as Swedish where they appear on the page.
        var title = page.QuerySelector("main h1[lang^=sv]") is null ? page.Title ?? "" : "";
        foreach (var named in page.QuerySelectorAll("svg[role=img]")) named.RemoveAttribute("aria-label");
        foreach (var marked in page.QuerySelectorAll("body [lang^=sv], script, style").ToList()) marked.Remove();
        var texts = new List<string> { title, page.QuerySelector("meta[name=description]")?.GetAttribute("content") ?? "" };
        texts.AddRange(page.Body!.TextContent.Split('\n').Select(l => l.Trim()));
        texts.AddRange(page.Body.QuerySelectorAll("*").SelectMany(e => new[] { "aria-label", "placeholder", "title", "alt" }
            .Select(a => e.GetAttribute(a) ?? "")));
        texts.AddRange(page.Body.QuerySelectorAll("input[type=submit], button").Select(b => b.GetAttribute("value") ?? ""));
        return [.. texts.Where(t => t.IndexOfAny(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']) >= 0).Distinct()];
    }

    [Fact]
    public async Task No_page_in_english_shows_swedish_text_outside_what_is_marked_as_swedish()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var visitor = app.Browser();
        await visitor.GetAsync("/sprak?to=en");
        var admin = await app.AdminAsync();
        await admin.GetAsync("/sprak?to=en");
        var report = (await visitor.GetPageAsync("/sok?q=chattbot")).QuerySelector(".report-list h3 a")!.GetAttribute("href")!;
        var organisation = (await visitor.GetPageAsync("/organisationer")).QuerySelectorAll("main a")
            .Select(a => a.GetAttribute("href")!).First(h => h.StartsWith("/organisationer/", StringComparison.Ordinal));
        // A subscriber's manage page, reached as a subscriber does: subscribed and confirmed on the English pages.
        await visitor.SubmitAsync("/prenumerera", "Subscribe", [("email", "emma@example.org"), ("principles", "testa-och-lara")]);
        var confirmed = await visitor.SubmitAsync(app.LinkIn("emma@example.org", "/prenumerera/bekrafta/"), "Confirm", []);
        var manage = (await HtmlForm.ParseAsync(confirmed)).QuerySelectorAll("main a")
            .Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/prenumerera/hantera/", StringComparison.Ordinal));

        string[] anonymous =
        [
            "/", "/sok", "/sok?q=chattbot", "/sok?q=zzzyxq+qqqwv&outcome=misslyckades", report, "/organisationer", organisation,
            "/insikter", "/om", "/om/personuppgifter", "/om/tillganglighet", "/konto/logga-in", "/konto/registrera",
            "/konto/glomt-losenord", "/prenumerera", "/fel/404", "/fel/500", "/rapporter/" + Guid.NewGuid(), manage,
        ];
        string[] signedIn =
        [
            "/konto", "/konto/bevakningar", "/rapporter/ny", "/mina-rapporter", report, organisation, "/moderering/synonymer",
            "/moderering/ansokningar", "/moderering/utskick", "/moderering/utskick?epost=okand%40example.org",
            "/moderering/utskick?epost=emma%40example.org", "/moderering/utskick/skicka-igen/" + Guid.NewGuid(),
        ];

        var found = new List<string>();
        foreach (var (client, path) in anonymous.Select(p => (visitor, p)).Concat(signedIn.Select(p => (admin, p))))
        {
            var response = await client.GetAsync(path);
            var page = await HtmlForm.ParseAsync(response);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            found.AddRange(SwedishOutsideLangSv(page).Select(text => $"{path}: {text}"));
        }

        Assert.True(found.Count == 0, "Swedish outside lang=\"sv\":\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task The_removal_question_asks_in_english_and_removes_nothing_until_confirmed()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        var lund = await admin.OrganisationPathAsync("Lunds kommun");
        await admin.SubmitAsync(lund, "Lägg till", [("Domain", "lund.se")]);
        await admin.GetAsync("/sprak?to=en");

        var asked = await admin.SubmitAsync(lund, "Remove lund.se");

        var question = await HtmlForm.ParseAsync(asked);
        Assert.Equal("Do you want to remove the domain lund.se?", question.QuerySelector(".confirm h2")!.TextContent.Trim());
        Assert.Equal(
            "Whoever confirms an e-mail address at lund.se no longer becomes a member of Lunds kommun at once. Those who are members already are not affected.",
            question.QuerySelector(".confirm p")!.TextContent.Trim());
        Assert.Empty(SwedishOutsideLangSv(question));
        // The page's dialog asks the same, with its buttons in the page's language.
        var button = (await admin.GetPageAsync(lund)).QuerySelectorAll("button[data-confirm]")
            .Single(b => b.TextContent.Trim() == "Remove lund.se");
        Assert.Equal(("Do you want to remove the domain lund.se?", "Yes, remove", "Cancel"),
            (button.GetAttribute("data-confirm"), button.GetAttribute("data-yes"), button.GetAttribute("data-no")));
        Assert.Contains("lund.se", (await admin.GetPageAsync(lund)).QuerySelector(".domain-list")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The resend question has no å, ä or ö for the scan to find, so its words are read here.</summary>
    [Fact]
    public async Task The_question_before_resending_a_digest_is_asked_in_english()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        await admin.GetAsync("/sprak?to=en");

        var response = await admin.GetAsync("/moderering/utskick/skicka-igen/" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Equal("Send the mail again?", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("The mail is not stuck, or does not exist. Back to the mailings", page.QuerySelector("main .warning")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_password_that_is_too_short_is_refused_in_the_readers_language()
    {
        await using var app = await LessonsApp.StartAsync();
        var swedish = app.Browser();
        var english = app.Browser();
        await english.GetAsync("/sprak?to=en");

        var inSwedish = await swedish.SubmitAsync("/konto/registrera", "Skapa konto", [("DisplayName", "Kort"), ("Email", "kort@example.org"), ("Password", "kort")]);
        var inEnglish = await english.SubmitAsync("/konto/registrera", "Create account", [("DisplayName", "Short"), ("Email", "short@example.org"), ("Password", "short")]);

        static string Error(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".error-summary li")!.TextContent.Trim();
        Assert.StartsWith("Lösenordet måste ha minst", Error(await HtmlForm.ParseAsync(inSwedish)), StringComparison.Ordinal);
        Assert.StartsWith("The password must have at least", Error(await HtmlForm.ParseAsync(inEnglish)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_its_problems_in_english_only_when_asked_in_english()
    {
        await using var app = await LessonsApp.StartAsync();
        async Task<System.Text.Json.JsonElement> ProblemAsync(string? acceptLanguage)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports?yearFrom=2030&yearTo=2020");
            if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            var response = await app.Browser().SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        static (string?, string?) Read(System.Text.Json.JsonElement problem) =>
            (problem.GetProperty("title").GetString(), problem.GetProperty("errors").GetProperty("yearTo")[0].GetString());

        Assert.Equal(("The details are not valid.", "The to-year cannot be before the from-year."), Read(await ProblemAsync("en-GB,en;q=0.9,sv;q=0.5")));
        Assert.Equal(("Uppgifterna är inte giltiga.", "Till-året kan inte ligga före från-året."), Read(await ProblemAsync(null)));
        Assert.Equal(("Uppgifterna är inte giltiga.", "Till-året kan inte ligga före från-året."), Read(await ProblemAsync("sv-SE,en;q=0.8")));
        Assert.Equal(("Uppgifterna är inte giltiga.", "Till-året kan inte ligga före från-året."), Read(await ProblemAsync("de-DE")));
        // A path the API has no endpoint for answers the same way (the error page's problem+json).
        using var unknown = new HttpRequestMessage(HttpMethod.Get, "/api/v1/finns-inte");
        unknown.Headers.AcceptLanguage.ParseAdd("en");
        var notFound = await app.Browser().SendAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("The page or report does not exist, or you are not allowed to see it.",
            System.Text.Json.JsonDocument.Parse(await notFound.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_feed_speaks_english_when_its_address_says_so_and_the_english_search_links_that_feed()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var english = app.Browser();
        await english.GetAsync("/sprak?to=en");
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        async Task<XElement> FeedAsync(HttpClient client, string path) => XElement.Parse(await client.GetStringAsync(path));

        var link = (await english.GetPageAsync("/sok?q=chattbot")).QuerySelector("a[type='application/atom+xml']")!.GetAttribute("href")!;
        var inEnglish = await FeedAsync(app.Browser(), link);
        var inSwedish = await FeedAsync(english, "/feeds/reports.atom?q=chattbot");

        Assert.Equal("/feeds/reports.atom?q=chattbot&lang=en", link);
        Assert.Equal("Lessons: new experience reports", inEnglish.Element(atom + "title")!.Value);
        Assert.Equal("Experience from the public sector, failures included.", inEnglish.Element(atom + "subtitle")!.Value);
        Assert.Equal("en", inEnglish.Attribute(XNamespace.Xml + "lang")!.Value);
        var entry = inEnglish.Elements(atom + "entry").First();
        Assert.Equal("sv", entry.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.DoesNotContain(entry.Elements(atom + "category"), c => c.Attribute("label")!.Value.IndexOfAny(['å', 'ä', 'ö']) >= 0);
        Assert.Contains("lang=en", inEnglish.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=en", inEnglish.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value, StringComparison.Ordinal);
        // Without it the feed is Swedish, whatever language the one fetching it reads the site in.
        Assert.Equal("Lessons: nya erfarenhetsrapporter", inSwedish.Element(atom + "title")!.Value);
        Assert.Equal("sv", inSwedish.Attribute(XNamespace.Xml + "lang")!.Value);
    }

    /// <summary>Every text a view asks the localizer for has its English entry, so no page falls back to Swedish
    /// without the scan above noticing (a Swedish word need not contain å, ä or ö).</summary>
    [Fact]
    public void Every_text_the_views_ask_for_has_an_english_translation()
    {
        var web = Path.Combine(SiteProcess.RepositoryRoot, "src", "Web");
        var names = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx")).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).ToList();
        // The resource compiler keeps one of two names that differ only in case, so the other would show Swedish.
        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        var english = names.ToHashSet(StringComparer.Ordinal);
        var asked = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => ViewText().Matches(File.ReadAllText(file)).Select(m => (file, key: Regex.Unescape(m.Groups[1].Value))));

        var missing = asked.Where(a => !english.Contains(a.key)).Select(a => $"{Path.GetFileName(a.file)}: {a.key}").Distinct().ToList();

        Assert.True(missing.Count == 0, "No English for:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""\b[TH]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex ViewText();
}
