using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>The search page in a real browser: what a keyboard or screen-reader user meets, checked by axe-core.</summary>
public sealed class SearchPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_search_page_with_hits_facets_and_a_spelling_suggestion_has_no_accessibility_violations()
    {
        var browser = await site.BrowserAsync();

        browser.Open("/sok?q=" + Uri.EscapeDataString("hemtjänst"));
        var count = browser.Find("[role=status][aria-live=polite]");     // the count is announced
        Assert.Equal(browser.FindAll(".report-list article").Count.ToString(), count.FindElement(By.TagName("strong")).Text);
        Assert.StartsWith("hemtjänst", browser.Find(".report-list h3 mark").Text, StringComparison.OrdinalIgnoreCase);
        browser.AssertAccessible();

        browser.Open("/sok?q=" + Uri.EscapeDataString("hemtjänstn"));
        Assert.Equal("hemtjänsten", browser.Find(".suggestion a").Text);
        browser.AssertAccessible();

        browser.Open("/sok?q=" + Uri.EscapeDataString("ingetsomfinnsalls"));
        Assert.Contains("0 rapporter", browser.Find("[role=status]").Text, StringComparison.Ordinal);
        browser.AssertAccessible();
    }

    [Fact]
    public async Task Facets_are_checkboxes_a_keyboard_user_ticks_and_the_query_stays_in_the_address()
    {
        var browser = await site.BrowserAsync();
        browser.Open("/sok?q=" + Uri.EscapeDataString("exempel"));
        var before = browser.FindAll(".report-list article").Count;

        var failed = browser.Find("input[type=checkbox][name=outcome][value=avbruten]");
        failed.SendKeys(Keys.Space);                   // ticked from the keyboard, as a checkbox is
        Assert.True(failed.Selected);
        browser.Find("button.secondary[type=submit]").SendKeys(Keys.Enter);
        browser.WaitFor(d => d.Url.Contains("outcome=avbruten", StringComparison.Ordinal) ? d.Url : null, "the filtered page");

        Assert.Contains("q=exempel", browser.PathAndQuery, StringComparison.Ordinal);
        Assert.True(browser.Find("input[type=checkbox][name=outcome][value=avbruten]").Selected);
        var hits = browser.FindAll(".report-list article");
        Assert.InRange(hits.Count, 1, before - 1);
        Assert.All(hits, h => Assert.Contains("Avbruten", h.Text, StringComparison.Ordinal));
        browser.AssertAccessible();
    }

    [Fact]
    public async Task A_hit_opens_its_report_whose_similar_reports_and_page_have_no_accessibility_violations()
    {
        var browser = await site.BrowserAsync();
        browser.Open("/sok?q=" + Uri.EscapeDataString("chattbot bygglov"));

        browser.Find(".report-list article h3 a").SendKeys(Keys.Enter);
        browser.WaitFor(d => d.Url.Contains("/rapporter/", StringComparison.Ordinal) ? d.Url : null, "the report page");

        Assert.Contains("Chattbot för bygglovsfrågor", browser.Find("main h1").Text, StringComparison.Ordinal);
        Assert.NotEmpty(browser.FindAll("[aria-labelledby=h-similar] a"));
        browser.AssertAccessible();
    }
}
