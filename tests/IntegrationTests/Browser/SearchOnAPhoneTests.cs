using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>Searching on a 375 px phone: results first, filters in a disclosure, no wall of "(0)".</summary>
public sealed class SearchOnAPhoneTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task On_a_phone_the_results_come_first_and_the_filters_wait_in_a_closed_disclosure_counting_the_active_ones()
    {
        var browser = await site.BrowserAsync();
        browser.Viewport(375);
        try
        {
            browser.Open("/sok?q=exempel&organisationType=kommun");
            var filters = browser.Find("details.filters");
            Assert.Null(filters.GetAttribute("open"));
            Assert.Equal("Filter (1 valt)", browser.Find("details.filters > summary").Text);
            var first = browser.Find(".report-list article");
            Assert.True(first.Location.Y < 900, $"the first result starts {first.Location.Y} px down");
            Assert.Contains("Typ av organisation: Kommun", browser.Find(".chips a").Text, StringComparison.Ordinal);
            browser.AssertAccessible();
            browser.Screenshot("375-search");

            browser.Find("details.filters > summary").Click();
            Assert.NotNull(filters.GetAttribute("open"));
            var shown = browser.FindAll("details.filters .checks label").Where(l => l.Displayed).Select(l => l.Text).ToList();
            Assert.NotEmpty(shown);
            Assert.DoesNotContain(shown, l => l.EndsWith("(0)", StringComparison.Ordinal));
            Assert.Contains(shown, l => l.StartsWith("Kommun", StringComparison.Ordinal));
            browser.AssertAccessible();
            browser.Screenshot("375-search-filters-open");

            browser.Find(".chips a").Click();
            browser.WaitFor(d => d.FindElements(By.CssSelector(".chips")).Count == 0 ? d.Url : null, "the search without the filter");
            Assert.DoesNotContain("organisationType", browser.PathAndQuery, StringComparison.Ordinal);
        }
        finally
        {
            browser.Viewport(1280, 1000, mobile: false);
        }
    }

    [Fact]
    public async Task A_search_without_hits_shows_advice_and_no_zero_counts_on_a_phone()
    {
        var browser = await site.BrowserAsync();
        browser.Viewport(375);
        try
        {
            browser.Open("/sok?q=" + Uri.EscapeDataString("gurkmajonnäs kvastfening") + "&outcome=misslyckades");
            Assert.Contains("Bevaka den här sökningen", browser.Find(".no-hits").Text, StringComparison.Ordinal);
            browser.Find("details.filters > summary").Click();
            var shown = browser.FindAll("details.filters .checks label").Where(l => l.Displayed).Select(l => l.Text).ToList();
            Assert.Contains("Misslyckades (0)", shown);          // ticked, so still there to untick
            Assert.DoesNotContain(shown, l => l.EndsWith("(0)", StringComparison.Ordinal) && l != "Misslyckades (0)");
            browser.AssertAccessible();
            browser.Screenshot("375-search-no-hits");
        }
        finally
        {
            browser.Viewport(1280, 1000, mobile: false);
        }
    }

    [Fact]
    public async Task On_a_wide_screen_too_options_without_hits_are_hidden_unless_ticked()
    {
        var browser = await site.BrowserAsync();
        browser.Open("/sok?q=" + Uri.EscapeDataString("gurkmajonnäs kvastfening") + "&outcome=misslyckades");

        var shown = browser.FindAll("details.filters label").Where(l => l.Displayed).Select(l => l.Text.Trim()).ToList();
        Assert.Contains("Misslyckades (0)", shown);
        Assert.DoesNotContain(shown, l => l.EndsWith("(0)", StringComparison.Ordinal) && l != "Misslyckades (0)");
        browser.AssertAccessible();
    }

    [Fact]
    public async Task On_a_wide_screen_the_filters_are_an_open_column_beside_the_results()
    {
        var browser = await site.BrowserAsync();
        browser.Open("/sok?q=" + Uri.EscapeDataString("gurkmajonnäs kvastfening"));
        Assert.NotNull(browser.Find("details.filters").GetAttribute("open"));
        Assert.True(browser.Find("details.filters").Location.X < browser.Find(".search-results").Location.X);
        browser.AssertAccessible();
        browser.Screenshot("1280-search-no-hits");
    }
}
