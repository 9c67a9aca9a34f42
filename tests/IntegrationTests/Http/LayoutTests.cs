using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>What every page and the report page carry beyond their content: icon, print details, error links.</summary>
public sealed class LayoutTests
{
    [Fact]
    public async Task Every_page_links_an_svg_favicon_that_is_served()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();

        var icon = (await client.GetPageAsync("/konto/logga-in")).QuerySelector("head link[rel=icon]")!;
        Assert.Equal("image/svg+xml", icon.GetAttribute("type"));
        var response = await client.GetAsync(icon.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_carries_its_public_address_organisation_and_dates_for_print_and_the_copy_link_button()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["DemoContent:Enabled"] = "true", ["Site:PublicUrl"] = "https://lessons.example.se",
        });
        var client = app.Browser();
        var path = (await client.GetPageAsync("/sok?q=" + Uri.EscapeDataString("chattbot bygglov"))).QuerySelector(".report-list h3 a")!.GetAttribute("href")!;
        var page = await client.GetPageAsync(path);

        var printed = page.QuerySelector("dl.print-only")!.TextContent;
        Assert.Contains("https://lessons.example.se" + path, printed, StringComparison.Ordinal);
        Assert.Contains("Exempelby kommun", printed, StringComparison.Ordinal);
        Assert.Contains("Avbruten", printed, StringComparison.Ordinal);
        Assert.Contains("2022", printed, StringComparison.Ordinal);
        Assert.Contains("Publicerad", printed, StringComparison.Ordinal);
        // Both buttons need the script, so they are hidden until it runs.
        Assert.True(page.QuerySelector("button[data-print]")!.HasAttribute("hidden"));
        var copy = page.QuerySelector("button[data-copy-link]")!;
        Assert.True(copy.HasAttribute("hidden"));
        Assert.Equal("https://lessons.example.se" + path, copy.GetAttribute("data-copy-link"));
    }

    [Fact]
    public async Task Error_summary_links_land_on_an_input_and_never_on_a_fieldset()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Lunds kommun"), "Lägg till", [("Domain", "lund.se")]);
        var author = await app.RegisterAndConfirmAsync("ida@lund.se");
        await author.SignInAsync("ida@lund.se");

        var response = await author.SubmitAsync("/rapporter/ny", "Spara utkast", [("Input.Title", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        var targets = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#Input_Outcome", targets);
        Assert.Contains("#Input_Stage", targets);
        foreach (var target in targets)
        {
            var element = page.GetElementById(target[1..]);
            Assert.True(element is not null, $"{target} is on the page");
            Assert.Contains(element.LocalName, new[] { "input", "select", "textarea" });
        }
    }
}
