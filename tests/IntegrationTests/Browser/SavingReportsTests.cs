using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>
/// The report form's save button in a real browser, with and without the pages' scripts: whatever step the author
/// took before (a preview, the precedent check, Enter in a field), saving saves.
/// </summary>
public sealed class SavingReportsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_a_preview_saving_saves_the_draft_on_the_new_and_the_edit_page(bool javaScript)
    {
        await using var site = await SiteWithAMemberOfLundAsync();
        using var browser = SignedIn(site, javaScript);

        browser.Open("/rapporter/ny");
        Fill(browser, "Nattkameror i hemtjänsten");
        AssertScripts(browser, javaScript);
        Press(browser, "Förhandsgranska");
        browser.WaitFor(d => d.FindElements(By.CssSelector(".preview")).FirstOrDefault(), "the preview");
        Press(browser, "Spara utkast");

        browser.WaitFor(d => d.FindElements(By.CssSelector(".badge.status")).FirstOrDefault(), "the saved draft");
        Assert.Equal("Nattkameror i hemtjänsten", browser.Find("main h1").Text);
        var report = browser.PathAndQuery;

        browser.Open(report + "/redigera");
        browser.Type("#Input_Title", "Nattkameror, andra utkastet");
        Press(browser, "Förhandsgranska");
        browser.WaitFor(d => d.FindElements(By.CssSelector(".preview")).FirstOrDefault(), "the preview of the edit");
        Press(browser, "Spara");

        browser.WaitFor(d => d.FindElements(By.CssSelector(".badge.status")).FirstOrDefault(), "the saved edit");
        Assert.Equal(report, browser.PathAndQuery);
        Assert.Equal("Nattkameror, andra utkastet", browser.Find("main h1").Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_the_precedent_step_saving_saves_the_draft(bool javaScript)
    {
        await using var site = await SiteWithAMemberOfLundAsync();
        using var browser = SignedIn(site, javaScript);

        browser.Open("/rapporter/ny");
        Fill(browser, "Chattbot för bygglov");
        Press(browser, "Visa liknande rapporter");
        browser.WaitFor(d => d.FindElements(By.CssSelector("#precedents [role=status]")).FirstOrDefault(), "the precedent step");
        Press(browser, "Spara utkast");

        browser.WaitFor(d => d.FindElements(By.CssSelector(".badge.status")).FirstOrDefault(), "the saved draft");
        Assert.Equal("Chattbot för bygglov", browser.Find("main h1").Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Enter_in_the_title_saves_the_draft_and_never_takes_a_side_step(bool javaScript)
    {
        await using var site = await SiteWithAMemberOfLundAsync();
        using var browser = SignedIn(site, javaScript);

        browser.Open("/rapporter/ny");
        Fill(browser, "Digitala lås i hemtjänsten");
        browser.Find("#Input_Title").SendKeys(Keys.Enter);

        browser.WaitFor(d => d.FindElements(By.CssSelector(".badge.status")).FirstOrDefault(), "the saved draft");
        Assert.Equal("Digitala lås i hemtjänsten", browser.Find("main h1").Text);
    }

    private static async Task<LessonsApp> SiteWithAMemberOfLundAsync()
    {
        await using var setup = await LessonsApp.StartAsync();
        var admin = await setup.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Lunds kommun"), "Lägg till", [("Domain", "lund.se")]);
        await setup.RegisterAndConfirmAsync("eva@lund.se", "Eva Ek");
        return await LessonsApp.ServeAsync(extra: new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = setup.ConnectionString });
    }

    private static Chromium SignedIn(LessonsApp site, bool javaScript)
    {
        var browser = Chromium.Start(site.Address, javaScript);
        browser.SignIn("eva@lund.se", Journeys.Password);
        return browser;
    }

    /// <summary>The live precedent check marks its region busy as soon as the title changes: only if the script runs.</summary>
    private static void AssertScripts(Chromium browser, bool javaScript) =>
        Assert.Equal(javaScript, browser.Find("#precedents").GetAttribute("aria-busy") is not null);

    /// <summary>Clicks the visible button with this text, as a user does.</summary>
    private static void Press(Chromium browser, string text) =>
        browser.FindAll("button[type=submit]:not([aria-hidden=true])").First(b => b.Text == text).Click();

    private static void Fill(Chromium browser, string title)
    {
        browser.Type("#Input_Title", title);
        browser.Type("#Input_Summary", "Vi prövade det under ett år i två hemtjänstgrupper.");
        browser.Type("#Input_YearStarted", "2024");
        foreach (var (name, value) in new[] { ("Outcome", "delvis"), ("Stage", "test") })
        {
            var input = browser.Find($"input[name='Input.{name}'][value='{value}']");
            if (!input.Selected) input.SendKeys(Keys.Space);
        }
        browser.Type("#Input_Lessons", "- Fråga brukarna först.");
    }
}
