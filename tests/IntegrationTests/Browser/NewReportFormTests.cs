using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>The precedent check while writing, in a real browser with its script running.</summary>
public sealed class NewReportFormTests
{
    [Fact]
    public async Task While_the_author_types_similar_reports_appear_and_the_one_chosen_is_linked_on_saving()
    {
        await using var setup = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var admin = await setup.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Lunds kommun"), "Lägg till", [("Domain", "lund.se")]);
        await setup.RegisterAndConfirmAsync("eva@lund.se", "Eva Ek");
        await using var site = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = setup.ConnectionString });
        using var browser = Chromium.Start(site.Address);
        browser.SignIn("eva@lund.se", Journeys.Password);
        browser.WaitForSearchIndex();

        browser.Open("/rapporter/ny");
        Assert.Empty(browser.FindAll("#precedents input[name=BuildsOn]"));
        browser.Type("#Input_Title", "Chattbot för bygglov");
        browser.Type("#Input_Summary", "En chattbot svarar invånarna på frågor om bygglov dygnet runt.");

        var precedent = browser.WaitFor(d => d.FindElements(By.CssSelector("#precedents[aria-busy=false] label"))
            .FirstOrDefault(l => l.Text.Contains("Chattbot för bygglovsfrågor", StringComparison.Ordinal)), "the live precedent check");
        Assert.Contains("Avbruten", precedent.Text, StringComparison.Ordinal);        // failures shown as plainly
        Assert.Contains("liknande rapporter", browser.Find("#precedents[aria-live=polite] legend").Text, StringComparison.Ordinal);
        browser.AssertAccessible();

        precedent.FindElement(By.CssSelector("input[type=radio]")).Click();
        FillTheRestOfTheForm(browser);
        browser.FindAll("button[type=submit]:not([aria-hidden=true])").First(b => b.Text == "Spara utkast").Click();

        browser.WaitFor(d => d.FindElements(By.CssSelector(".badge.status")).FirstOrDefault(), "the saved draft");
        var main = browser.Find("main").Text;
        Assert.Contains("Bygger vidare på Exempel: Chattbot för bygglovsfrågor", main, StringComparison.Ordinal);
        Assert.Contains("Chattbot för bygglov", browser.Find("main h1").Text, StringComparison.Ordinal);
    }

    private static void FillTheRestOfTheForm(Chromium browser)
    {
        browser.Type("#Input_YearStarted", "2024");
        foreach (var (name, value) in new[] { ("Outcome", "delvis"), ("Stage", "test"), ("Principles", "testa-och-lara"), ("Challenges", "juridik-och-sekretess") })
        {
            var input = browser.Find($"input[name='Input.{name}'][value='{value}']");
            if (!input.Selected) input.SendKeys(Keys.Space);
        }
        browser.Type("#Input_Lessons", "- Börja med de vanligaste frågorna.");
    }
}
