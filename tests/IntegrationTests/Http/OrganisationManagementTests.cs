using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>Destructive actions on an organisation's page ask first, and the server removes nothing unconfirmed.</summary>
public sealed class OrganisationManagementTests
{
    [Fact]
    public async Task Removing_a_member_asks_first_and_only_the_confirmed_step_removes_them()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        var lund = await admin.OrganisationPathAsync("Lunds kommun");
        await admin.SubmitAsync(lund, "Lägg till", [("Domain", "lund.se")]);
        await app.RegisterAndConfirmAsync("eva@lund.se", "Eva Ek");

        var asked = await admin.SubmitAsync(lund, "button[value=Remove]");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = await HtmlForm.ParseAsync(asked);
        Assert.Equal("Vill du ta bort Eva Ek ur Lunds kommun?", question.QuerySelector(".confirm h2")!.TextContent.Trim());
        Assert.Contains("eva@lund.se", (await admin.GetPageAsync(lund)).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var removed = await admin.SubmitAsync(question, lund, "Ja, ta bort");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain("eva@lund.se", (await admin.GetPageAsync(lund)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_email_domain_asks_first_and_only_the_confirmed_step_removes_it()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        var lund = await admin.OrganisationPathAsync("Lunds kommun");
        await admin.SubmitAsync(lund, "Lägg till", [("Domain", "lund.se")]);
        static string Domains(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector(".domain-list")!.TextContent;

        var asked = await admin.SubmitAsync(lund, "Ta bort lund.se");
        var question = await HtmlForm.ParseAsync(asked);
        Assert.Equal("Vill du ta bort domänen lund.se?", question.QuerySelector(".confirm h2")!.TextContent.Trim());
        Assert.Contains("lund.se", Domains(await admin.GetPageAsync(lund)), StringComparison.Ordinal);

        var cancel = question.QuerySelectorAll(".confirm a").Single(a => a.TextContent.Trim() == "Avbryt");
        Assert.Equal(lund, cancel.GetAttribute("href"));
        await admin.SubmitAsync(question, lund, "Ja, ta bort");
        Assert.DoesNotContain("lund.se", Domains(await admin.GetPageAsync(lund)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ta_bort_buttons_are_danger_buttons()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        var lund = await admin.OrganisationPathAsync("Lunds kommun");
        await admin.SubmitAsync(lund, "Lägg till", [("Domain", "lund.se")]);
        await app.RegisterAndConfirmAsync("eva@lund.se", "Eva Ek");

        var buttons = (await admin.GetPageAsync(lund)).QuerySelectorAll("button").Where(b => b.TextContent.Trim().StartsWith("Ta bort", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.Contains("danger", b.ClassList));
    }
}
