using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>
/// Every page of the accessibility issue's list in Chromium at a desktop's and a phone's width, checked by axe-core
/// (WCAG 2.0, 2.1 and 2.2, A and AA, and best practice) and photographed into <see cref="Chromium.ScreenshotDirectory"/>;
/// and the pages a reader comes for, whole without script.
/// </summary>
public sealed class EveryPageTests(PeopleSite site) : IClassFixture<PeopleSite>
{
    private static string Name(string page) =>
        page.Trim('/') is { Length: > 0 } p ? string.Concat(p.Split('?')[0].Select(c => char.IsLetterOrDigit(c) ? c : '-')) : "start";

    private static void Press(Chromium browser, string text) =>
        browser.FindAll("main button[type=submit]:not([aria-hidden=true])").First(b => b.Text.Trim() == text).Click();

    private static void Check(Chromium browser, int width, string name)
    {
        browser.AssertAccessible();
        browser.Screenshot($"{width}-{name}");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Every_page_has_no_accessibility_violations(int width)
    {
        using var browser = await site.BrowserAsync();
        if (width < 1280) browser.Viewport(width);

        // A subscriber's manage page, reached as a subscriber does: through the confirmation mail.
        var subscriber = $"ida.{width}@example.org";
        browser.Open("/prenumerera");
        browser.Type("#email", subscriber);
        browser.Find("input[name=principles][value=testa-och-lara]").SendKeys(Keys.Space);
        Press(browser, "Prenumerera");
        browser.WaitFor(d => d.FindElements(By.CssSelector("main [role=status]")).FirstOrDefault(), "the subscription's answer");
        browser.Open(await site.MailedLinkAsync(subscriber, "/prenumerera/bekrafta/"));
        Check(browser, width, "subscription-confirm");
        Press(browser, "Bekräfta");
        var manage = new Uri(browser.WaitFor(d => d.FindElements(By.CssSelector("main a[href*='/prenumerera/hantera/']")).FirstOrDefault(), "the manage link")
            .GetAttribute("href")!).PathAndQuery;

        browser.Open("/");
        var report = new Uri(browser.Find("main article h3 a").GetAttribute("href")!).PathAndQuery;
        browser.Open(report);
        var organisation = new Uri(browser.Find(".report-header .meta a[href*='/organisationer/']").GetAttribute("href")!).PathAndQuery;
        var pages = new (string Path, string Name)[]
        {
            ("/", "start"), ("/sok?q=hemtjänst", "search"), ("/sok?q=ingetsomfinnsalls&outcome=misslyckades", "search-no-hits"),
            (report, "report"), ("/konto/logga-in", "sign-in"), ("/konto/registrera", "register"), ("/prenumerera", "subscribe"),
            (manage, "subscription-manage"), ("/insikter", "insights"), ("/organisationer", "organisations"), (organisation, "organisation"),
            ("/om", "about"), ("/om/personuppgifter", "personal-data"), ("/om/tillganglighet", "accessibility"), ("/finns-inte", "404"),
        };
        foreach (var (path, name) in pages)
        {
            browser.Open(path);
            Check(browser, width, name);
        }

        browser.SignIn(PeopleSite.Member, Journeys.Password);
        foreach (var (path, name) in new[] { ("/konto", "account"), ("/moderering/synonymer", "403"), ("/rapporter/ny", "report-form") })
        {
            browser.Open(path);
            if (name == "403") Assert.Equal("Du saknar behörighet", browser.Find("main h1").Text);
            Check(browser, width, name);
        }
        browser.Open("/rapporter/ny");
        Press(browser, "Spara utkast");
        browser.WaitFor(d => d.FindElements(By.CssSelector(".error-summary")).FirstOrDefault(), "the form with errors");
        Check(browser, width, "report-form-errors");
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
