using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>The pages of the insights branch in a real browser at a desktop's and a phone's width, checked by axe-core.</summary>
public sealed class InsightsAndAboutPagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_start_insights_and_about_pages_have_no_accessibility_violations(int width)
    {
        var browser = await site.BrowserAsync();
        browser.Resize(width);
        try
        {
            foreach (var path in new[] { "/", "/insikter", "/om", "/om/personuppgifter", "/om/tillganglighet" })
            {
                browser.Open(path);
                browser.AssertAccessible();
            }

            browser.Open("/insikter");
            foreach (var disclosure in browser.FindAll("details.chart-data summary")) disclosure.Click();
            Assert.NotEmpty(browser.FindAll("details[open] table tbody tr"));
            browser.AssertAccessible();

            browser.Open("/om/tillganglighet");
            browser.Find("form.feedback-form button[type=submit]").Click();
            browser.WaitFor(d => d.FindElements(By.CssSelector(".error-summary")).Count > 0, "the error summary");
            browser.AssertAccessible();
        }
        finally
        {
            browser.Resize(1280);
        }
    }
}
