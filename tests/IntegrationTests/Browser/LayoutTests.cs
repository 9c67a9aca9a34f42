using System.Globalization;

using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>
/// What axe-core cannot see, checked in a real browser: reflow at 320 px (WCAG 1.4.10), a focus ring that stands out
/// (2.4.7, 1.4.11), the error summary taking focus (3.3.1), the header's spacing, and printing.
/// </summary>
public sealed class LayoutTests(PeopleSite site) : IClassFixture<PeopleSite>
{
    private static readonly string[] PublicPages =
    [
        "/", "/sok", "/sok?q=hemtjänst", "/sok?q=ingetsomfinnsalls&outcome=lyckades&principle=testa-och-lara", "/organisationer",
        "/konto/logga-in", "/konto/registrera", "/konto/glomt-losenord", "/om/tillganglighet", "/prenumerera", "/finns-inte",
    ];

    private static readonly string[] AdminPages =
    [
        "/konto", "/konto/bevakningar", "/mina-rapporter", "/rapporter/ny", "/moderering/ansokningar", "/moderering/synonymer", "/moderering/utskick",
    ];

    /// <summary>The first report a search for the chatbot finds (it has effects, facts and similar reports).</summary>
    private static string ChatbotReport(Chromium browser)
    {
        browser.Open("/sok?q=" + Uri.EscapeDataString("chattbot bygglov"));
        return new Uri(browser.Find(".report-list article h3 a").GetAttribute("href")!).PathAndQuery;
    }

    /// <summary>The page of the organisation behind a report.</summary>
    private static string OrganisationOf(Chromium browser, string report)
    {
        browser.Open(report);
        return new Uri(browser.Find(".report-header .meta a[href*='/organisationer/']").GetAttribute("href")!).PathAndQuery;
    }

    private static string ScreenshotName(string page) =>
        page.Trim('/') is { Length: > 0 } p ? string.Concat(p.Select(c => char.IsLetterOrDigit(c) ? c : '-')) : "start";

    /// <summary>The h1 has room below the header rather than sitting flush against it.</summary>
    private static void AssertSpaceUnderTheHeader(Chromium browser, string page)
    {
        var gap = Convert.ToDouble(browser.Script("""
            const h1 = document.querySelector("main h1");
            return h1 ? h1.getBoundingClientRect().top - document.querySelector(".site-header").getBoundingClientRect().bottom : 99;
            """), CultureInfo.InvariantCulture);
        Assert.True(gap >= 24, $"{page}: the h1 is {gap} px below the header");
    }

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_px_and_every_h1_has_room_under_the_header()
    {
        using var browser = await site.BrowserAsync();
        // A desktop window 320 px wide (1280 px at 400 % zoom, as WCAG 1.4.10 puts it): a phone's emulation would
        // zoom out to fit a page that is too wide, and so hide the overflow it should show.
        browser.Viewport(320, mobile: false);
        var report = ChatbotReport(browser);
        var pages = PublicPages.Concat([report, OrganisationOf(browser, report)]).ToList();
        foreach (var page in pages)
        {
            browser.Open(page);
            browser.AssertNoSidewaysScrolling(page);
            AssertSpaceUnderTheHeader(browser, page);
            browser.Screenshot("320-" + ScreenshotName(page));
        }

        browser.SignIn(PeopleSite.Admin, site.AdminPassword);
        foreach (var page in AdminPages.Append(site.Lund))
        {
            browser.Open(page);
            browser.AssertNoSidewaysScrolling(page);
            AssertSpaceUnderTheHeader(browser, page);
            browser.Screenshot("320-" + ScreenshotName(page));
        }
        browser.Find("button[value=Remove]").Click();           // the confirmation step
        browser.WaitFor(d => d.FindElements(By.CssSelector(".confirm")).FirstOrDefault(), "the confirmation step");
        browser.AssertNoSidewaysScrolling("the confirmation step");
    }

    [Fact]
    public async Task On_a_phone_a_start_page_entry_that_wraps_keeps_its_bullet_beside_its_first_line()
    {
        using var browser = await site.BrowserAsync();
        browser.Viewport(375);
        browser.Open("/");
        // A probe at the start of each item sits on the line where the bullet is drawn; it must be the link's first.
        var misplaced = (string)browser.Script("""
            return [...document.querySelectorAll(".entry-list li")].map(li => {
              const link = li.querySelector("a");
              const probe = document.createElement("span");
              probe.textContent = "\u200b";
              li.insertBefore(probe, li.firstChild);
              const below = probe.getBoundingClientRect().top - link.getBoundingClientRect().top;
              probe.remove();
              return below > parseFloat(getComputedStyle(link).lineHeight) / 2 ? `${link.textContent.trim()} (${Math.round(below)} px down)` : "";
            }).filter(t => t).join("; ");
            """)!;
        Assert.True(browser.FindAll(".entry-list a").Any(a => a.Size.Height > 40), "no entry wraps at 375 px");
        Assert.True(misplaced.Length == 0, $"bullets beside a later line: {misplaced}");
    }

    [Fact]
    public async Task The_keyboard_focus_is_drawn_with_at_least_3_to_1_contrast_against_what_surrounds_it()
    {
        using var browser = await site.BrowserAsync();
        var report = ChatbotReport(browser);
        foreach (var page in new[] { "/", "/sok?q=exempel&outcome=lyckades", report, "/konto/logga-in" })
        {
            browser.Open(page);
            var seen = new HashSet<string>();
            for (var i = 0; i < 60; i++)
            {
                browser.Tab();
                var ring = (string)browser.Script("""
                    const el = document.activeElement;
                    if (!el || el === document.body) return "END";
                    const lum = c => {
                      const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(v => { v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                    };
                    const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
                    const opaque = c => !/rgba\(.*,\s*0\)$/.test(c) && c !== "transparent";
                    let bg = "rgb(255, 255, 255)";
                    for (let p = el.parentElement; p; p = p.parentElement) {
                      const c = getComputedStyle(p).backgroundColor;
                      if (opaque(c)) { bg = c; break; }
                    }
                    const s = getComputedStyle(el);
                    const name = `${el.tagName.toLowerCase()} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
                    if (s.outlineStyle === "none" || parseFloat(s.outlineWidth) < 2) return `${name}: no outline`;
                    const halo = (s.boxShadow.match(/rgba?\([^)]*\)/) || [null])[0];
                    const best = Math.max(contrast(s.outlineColor, bg), halo ? contrast(halo, bg) : 0);
                    return best >= 3 ? "" : `${name}: ${best.toFixed(2)}:1 on ${bg}`;
                    """)!;
                if (ring == "END") break;
                Assert.True(ring.Length == 0, $"{page}: {ring}");
                if (!seen.Add(browser.Focused.GetAttribute("outerHTML") ?? "")) break;    // round the page once
            }
            Assert.True(seen.Count > 3, $"{page}: only {seen.Count} focus stops");
        }
    }

    [Fact]
    public async Task A_failed_submit_focuses_the_error_summary_whose_links_focus_the_first_input_of_the_field()
    {
        using var browser = await site.BrowserAsync();
        browser.SignIn(PeopleSite.Member, Journeys.Password);
        browser.Open("/rapporter/ny");
        browser.FindAll("button[type=submit]:not([aria-hidden=true])").First(b => b.Text == "Spara utkast").Click();
        browser.WaitFor(d => d.FindElements(By.CssSelector(".error-summary")).FirstOrDefault(), "the form with errors");

        Assert.Contains("error-summary", browser.Focused.GetAttribute("class"), StringComparison.Ordinal);

        browser.Find(".error-summary a[href='#Input_Outcome']").Click();
        var outcome = browser.Focused;
        Assert.Equal("radio", outcome.GetAttribute("type"));
        Assert.Equal("Input.Outcome", outcome.GetAttribute("name"));
        Assert.Equal(browser.Find("input[name='Input.Outcome']").GetAttribute("value"), outcome.GetAttribute("value"));

        browser.Find(".error-summary a[href='#Input_Title']").Click();
        Assert.Equal("Input_Title", browser.Focused.GetAttribute("id"));
        browser.AssertAccessible();
        browser.Viewport(375);
        browser.AssertAccessible();
        browser.Screenshot("375-report-form-errors");
        browser.Viewport(320, mobile: false);
        browser.AssertNoSidewaysScrolling("/rapporter/ny with errors");
    }

    [Fact]
    public async Task A_printed_report_is_the_report_with_its_address_and_dates_and_without_navigation_or_buttons()
    {
        using var browser = await site.BrowserAsync();
        var report = ChatbotReport(browser);
        browser.Open(report);
        browser.Screenshot("1280-report");
        Assert.True(browser.Find("button[data-print]").Displayed);
        Assert.True(browser.Find("button[data-copy-link]").Displayed);
        Assert.False(browser.Find("dl.print-only").Displayed);
        browser.AssertAccessible();
        browser.Viewport(375);
        browser.AssertAccessible();
        browser.Screenshot("375-report");

        browser.EmulatePrint();
        foreach (var css in new[] { ".site-header", ".site-footer", "button[data-print]", "button[data-copy-link]", "#h-similar", "#h-reuse" })
            Assert.False(browser.Find(css).Displayed, $"{css} is printed");
        var printed = browser.Find("dl.print-only");
        Assert.True(printed.Displayed);
        Assert.Contains("/rapporter/", printed.Text, StringComparison.Ordinal);
        Assert.Contains("Publicerad", printed.Text, StringComparison.Ordinal);
        Assert.True(browser.Find("main h1").Displayed);
        Assert.True(browser.Find("#h-lessons").Displayed);
        browser.Screenshot("print-report");

        browser.Open("/sok?q=exempel");
        Assert.False(browser.Find("details.filters").Displayed);
        Assert.False(browser.Find(".site-header").Displayed);
        var listed = browser.FindAll(".report-list article");
        Assert.NotEmpty(listed);
        Assert.All(listed, a => Assert.True(a.Displayed));
        browser.Screenshot("print-search");
    }

    [Fact]
    public async Task Without_script_removing_a_member_asks_on_a_page_first_and_cancelling_keeps_the_member()
    {
        using var browser = await site.BrowserAsync(javaScript: false);
        browser.SignIn(PeopleSite.Admin, site.AdminPassword);
        browser.Open(site.Lund);
        browser.Find("button[value=Remove]").Click();
        browser.WaitFor(d => d.FindElements(By.CssSelector("section.confirm")).FirstOrDefault(), "the confirmation step");

        Assert.Contains("Eva Ek", browser.Find(".confirm h2").Text, StringComparison.Ordinal);
        browser.Find(".confirm a.button").Click();               // Avbryt
        browser.WaitFor(d => d.FindElements(By.CssSelector(".confirm")).Count == 0 ? d.Url : null, "the page without the question");
        Assert.Contains(PeopleSite.Member, browser.Find("main table").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_script_removing_asks_in_a_dialog_that_takes_focus_has_no_accessibility_violations_and_removes_only_on_yes()
    {
        using var browser = await site.BrowserAsync();
        browser.SignIn(PeopleSite.Admin, site.AdminPassword);
        browser.Open(site.Lund);
        browser.AssertAccessible();
        browser.Find("button[value=Remove]").Click();
        var dialog = browser.WaitFor(d => d.FindElements(By.CssSelector("dialog.confirm[open]")).FirstOrDefault(), "the dialog");

        Assert.Contains("Eva Ek", dialog.FindElement(By.CssSelector("h2")).Text, StringComparison.Ordinal);
        Assert.Equal("Avbryt", browser.Focused.Text);            // the safe choice has the focus
        Assert.Empty(browser.FindAll("section.confirm"));         // asked here, not on a page of its own
        browser.AssertAccessible();
        browser.Screenshot("1280-remove-member");
        browser.Viewport(375);
        browser.AssertAccessible();
        browser.Focused.SendKeys(Keys.Enter);                    // Avbryt
        browser.WaitFor(d => d.FindElements(By.CssSelector("dialog")).Count == 0 ? d.Url : null, "the dialog to close");
        Assert.Contains("Ta bort", browser.Focused.Text, StringComparison.Ordinal);
        Assert.Contains(PeopleSite.Member, browser.Find("main table").Text, StringComparison.Ordinal);

        // A domain of its own, so that removing it changes nothing the other tests rely on.
        browser.Type("#Domain", "tillfallig.lund.se");
        browser.FindAll("main button.secondary").First(b => b.Text == "Lägg till").Click();
        browser.WaitFor(d => d.FindElements(By.CssSelector("button[data-confirm*='tillfallig.lund.se']")).FirstOrDefault(), "the new domain");
        browser.Find("button[data-confirm*='tillfallig.lund.se']").Click();
        browser.WaitFor(d => d.FindElements(By.CssSelector("dialog.confirm[open]")).FirstOrDefault(), "the dialog");
        browser.FindAll("dialog.confirm button").First(b => b.Text == "Ja, ta bort").Click();
        browser.WaitFor(d => d.PageSource.Contains("Domänen tillfallig.lund.se är borttagen.", StringComparison.Ordinal) ? d.Url : null, "the removal");
        Assert.Empty(browser.FindAll("button[data-confirm*='tillfallig.lund.se']"));
    }
}
