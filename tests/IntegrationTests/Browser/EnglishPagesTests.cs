using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Browser;

/// <summary>The English interface in a real browser at a desktop's and a phone's width, checked by axe-core, which
/// also checks that the page's language is valid and that lang marks on Swedish content are.</summary>
public sealed class EnglishPagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_main_pages_in_english_have_no_accessibility_violations(int width)
    {
        var browser = await site.BrowserAsync();
        browser.Resize(width);
        try
        {
            browser.Open("/sprak?to=en&back=" + Uri.EscapeDataString("/sok?q=chattbot"));
            var report = browser.Find(".report-list h3 a").GetAttribute("href")!;
            foreach (var path in new[]
            {
                // The search with hits both without a filter (on a phone the filters' disclosure is then closed, and
                // the count's h2 is all that stands between the h1 and the cards' h3) and with one (chips).
                "/", "/sok?q=exempel", "/sok?q=exempel&organisationType=kommun", "/sok?q=zzzyxq&outcome=misslyckades", report, "/organisationer", "/insikter", "/om",
                "/om/personuppgifter", "/om/tillganglighet", "/konto/logga-in", "/konto/registrera", "/prenumerera", "/fel/404", "/fel/500",
            })
            {
                browser.Open(path);
                Assert.Equal("en", browser.Script("return document.documentElement.lang"));
                browser.AssertAccessible();
            }
        }
        finally
        {
            browser.Open("/sprak?to=sv");
            browser.Resize(1280);
        }
    }
}
