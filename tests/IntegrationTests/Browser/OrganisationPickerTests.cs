using Lessons.IntegrationTests.Fixtures;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>The organisation picker on the account page in a real browser with the pages' scripts turned off.</summary>
public sealed class OrganisationPickerTests
{
    [Fact]
    public async Task Without_script_a_member_types_the_usual_name_of_their_organisation_and_asks_to_join()
    {
        await using var setup = await LessonsApp.StartAsync();
        await setup.RegisterAndConfirmAsync("nils@exempel.se", "Nils Nilsson");
        await using var site = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = setup.ConnectionString });
        using var browser = Chromium.Start(site.Address, javaScript: false);
        browser.SignIn("nils@exempel.se", Journeys.Password);

        browser.Open("/konto");
        browser.Type("#OrganisationName", "Kalmar");
        browser.Find("#OrganisationName").SendKeys(Keys.Enter);

        var status = browser.WaitFor(d => d.FindElements(By.CssSelector("main .notice[role=status]")).FirstOrDefault(), "the answer to the request");
        Assert.StartsWith("Din ansökan till Kalmar kommun är skickad till", status.Text, StringComparison.Ordinal);
    }
}
