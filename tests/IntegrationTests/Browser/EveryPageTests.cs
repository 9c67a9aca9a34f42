using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>
/// Every page of the accessibility issue's list, in Swedish and in English, in Chromium: checked by axe-core (WCAG 2.0,
/// 2.1 and 2.2, A and AA, and best practice) and for duplicate ids at a desktop's and a phone's width, checked for
/// sideways scrolling at 320 px, and photographed into <see cref="Chromium.ScreenshotDirectory"/>; and the pages a
/// reader comes for, whole without script.
/// </summary>
public sealed class EveryPageTests(PeopleSite site) : IClassFixture<PeopleSite>
{
    /// <summary>Presses the submit button in main whose text is one of <paramref name="texts"/> (one per language).</summary>
    private static void Press(Chromium browser, params string[] texts) =>
        browser.FindAll("main button[type=submit]:not([aria-hidden=true])").First(b => texts.Contains(b.Text.Trim())).Click();

    /// <summary>
    /// Opens every page of the list in <paramref name="language"/> and hands each to <paramref name="check"/> with a
    /// name for its screenshot: the public pages, a subscriber's confirmation and manage pages (reached through the
    /// mail, as a subscriber does), a member's pages and the report form with and without errors, an administrator's
    /// with the removal question, and the error pages (404, 500).
    /// </summary>
    private async Task WalkAsync(Chromium browser, string language, string who, Action<string> check)
    {
        void Visit(string path, string name)
        {
            browser.Open(path);
            Assert.Equal(language, browser.Script("return document.documentElement.lang"));
            check(name);
        }

        if (language != "sv") browser.Open($"/sprak?to={language}&back=/");

        var subscriber = $"ida.{who}@example.org";
        browser.Open("/prenumerera");
        browser.Type("#email", subscriber);
        browser.Find("input[name=principles][value=testa-och-lara]").SendKeys(Keys.Space);
        Press(browser, "Prenumerera", "Subscribe");
        browser.WaitFor(d => d.FindElements(By.CssSelector("main [role=status]")).FirstOrDefault(), "the subscription's answer");
        Visit(await site.MailedLinkAsync(subscriber, "/prenumerera/bekrafta/"), "subscription-confirm");
        Press(browser, "Bekräfta", "Confirm");
        var manage = new Uri(browser.WaitFor(d => d.FindElements(By.CssSelector("main a[href*='/prenumerera/hantera/']")).FirstOrDefault(), "the manage link")
            .GetAttribute("href")!).PathAndQuery;

        browser.Open("/");
        var report = new Uri(browser.Find("main article h3 a").GetAttribute("href")!).PathAndQuery;
        browser.Open(report);
        var organisation = new Uri(browser.Find(".report-header .meta a[href*='/organisationer/']").GetAttribute("href")!).PathAndQuery;
        var pages = new (string Path, string Name)[]
        {
            // The search with hits without a filter (on a phone the filters' disclosure is closed) and with one (chips).
            ("/", "start"), ("/sok?q=hemtjänst", "search"), ("/sok?q=hemtjänst&outcome=lyckades", "search-filtered"),
            ("/sok?q=ingetsomfinnsalls&outcome=misslyckades", "search-no-hits"), (report, "report"),
            ("/konto/logga-in", "sign-in"), ("/konto/registrera", "register"), ("/konto/glomt-losenord", "forgot-password"),
            ("/prenumerera", "subscribe"), (manage, "subscription-manage"), ("/insikter", "insights"),
            ("/organisationer", "organisations"), (organisation, "organisation"),
            ("/om", "about"), ("/om/personuppgifter", "personal-data"), ("/om/tillganglighet", "accessibility"), ("/finns-inte", "404"),
            ("/fel/500", "500"),
        };
        foreach (var (path, name) in pages) Visit(path, name);

        browser.SignIn(PeopleSite.Member, Journeys.Password);
        foreach (var (path, name) in new[]
        {
            ("/konto", "account"), ("/konto/bevakningar", "follows"), ("/mina-rapporter", "my-reports"),
            ("/moderering/synonymer", "403"), ("/rapporter/ny", "report-form"),
        })
        {
            Visit(path, name);
            if (name == "403") Assert.Equal(language == "en" ? "You are not allowed" : "Du saknar behörighet", browser.Find("main h1").Text);
        }
        Press(browser, "Spara utkast", "Save draft");
        browser.WaitFor(d => d.FindElements(By.CssSelector(".error-summary")).FirstOrDefault(), "the form with errors");
        check("report-form-errors");

        browser.Find("form[action='/konto/logga-ut'] button").Click();
        browser.WaitFor(d => d.FindElements(By.CssSelector("a[href='/konto/logga-in']")).FirstOrDefault(), "the signed-out page");
        browser.SignIn(PeopleSite.Admin, site.AdminPassword);
        foreach (var (path, name) in new[] { ("/moderering/utskick", "digests"), ("/moderering/ansokningar", "join-requests"), (site.Lund, "organisation-managed") })
            Visit(path, name);

        // The removal question, as the page's dialog asks it over the organisation's page; answered "no", so the
        // domain stays for the other walks.
        browser.Find("main button[data-confirm]").Click();
        var question = browser.WaitFor(d => d.FindElements(By.CssSelector("dialog[open] h2")).FirstOrDefault(), "the removal question");
        Assert.StartsWith(language == "en" ? "Do you want to remove the domain lund.se" : "Vill du ta bort domänen lund.se", question.Text, StringComparison.Ordinal);
        Assert.Equal(language == "en" ? ["Yes, remove", "Cancel"] : ["Ja, ta bort", "Avbryt"], browser.FindAll("dialog[open] button").Select(b => b.Text.Trim()));
        check("removal-question");
        browser.Find("dialog[open] button.secondary").Click();
        browser.WaitFor(d => d.FindElements(By.CssSelector("dialog[open]")).Count == 0 ? d : null, "the dialog to close");
    }

    [Theory]
    [InlineData(1280, "sv")]
    [InlineData(375, "sv")]
    [InlineData(1280, "en")]
    [InlineData(375, "en")]
    public async Task Every_page_has_no_accessibility_violations_and_no_duplicate_ids(int width, string language)
    {
        using var browser = await site.BrowserAsync();
        if (width < 1280) browser.Viewport(width);
        var prefix = language == "sv" ? $"{width}-" : $"{width}-{language}-";
        await WalkAsync(browser, language, $"{width}.{language}", name =>
        {
            browser.AssertAccessible();
            browser.AssertUniqueIds();
            browser.Screenshot(prefix + name);
        });
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task No_page_scrolls_sideways_at_320_px(string language)
    {
        using var browser = await site.BrowserAsync();
        // A desktop window 320 px wide (1280 px at 400 % zoom, as WCAG 1.4.10 puts it): a phone's emulation would
        // zoom out to fit a page that is too wide, and so hide the overflow it should show.
        browser.Viewport(320, mobile: false);
        await WalkAsync(browser, language, $"320.{language}", name => browser.AssertNoSidewaysScrolling($"{name} ({language})"));
    }

    [Fact]
    public async Task The_start_search_and_report_pages_are_whole_without_script()
    {
        using var browser = await site.BrowserAsync(javaScript: false);

        browser.Open("/");
        Assert.True(browser.FindAll("main article h3 a").Count(a => a.Displayed) >= 3);
        Assert.True(browser.Find("main input[type=search]").Displayed);

        browser.Open("/sok?q=hemtjänst&outcome=lyckades");
        var hits = browser.FindAll(".report-list article");
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.True(hit.Displayed));
        Assert.True(browser.Find("[role=status] strong").Displayed);
        Assert.True(browser.Find("details.filters > summary").Displayed);      // one press opens the filters
        Assert.Contains(browser.FindAll(".chips a"), a => a.Displayed);
        var report = hits[0].FindElement(By.CssSelector("h3 a"));
        var title = report.Text;
        report.Click();

        browser.WaitFor(d => d.FindElements(By.CssSelector("#h-lessons")).FirstOrDefault(), "the report");
        Assert.Equal(title, browser.Find("main h1").Text);
        foreach (var css in new[] { "#h-lessons", "#h-similar", ".report-header .meta" })
            Assert.True(browser.Find(css).Displayed, $"{css} is not shown");
        // What needs a script stays out of sight rather than doing nothing.
        Assert.False(browser.Find("button[data-print]").Displayed);
        Assert.False(browser.Find("button[data-copy-link]").Displayed);
    }
}
