using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>Joining an organisation and losing author rights, through the real pages and the mails they send.</summary>
public sealed class MembershipPagesTests
{
    private static readonly (string, string)[] Report =
    [
        ("Input.Title", "Nattkameror i hemtjänsten"),
        ("Input.Summary", "Vi ersatte nattliga tillsynsbesök med kameror hos brukare som ville det."),
        ("Input.YearStarted", "2023"),
        ("Input.Outcome", "delvis"),
        ("Input.Stage", "inforande"),
        ("Input.Principles", "testa-och-lara"),
        ("Input.Challenges", "juridik-och-sekretess"),
        ("Input.Lessons", "- Fråga brukarna först."),
    ];

    [Fact]
    public async Task A_request_to_an_organisation_without_editors_reaches_a_moderator_who_approves_it_from_the_mail()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://lessons.example.se" });
        var admin = await app.AdminAsync("admin@lessons.test");
        var applicant = await app.RegisterAndConfirmAsync("nora@exempel.se", "Nora Nilsson");
        await applicant.SignInAsync("nora@exempel.se");
        var sent = await applicant.SubmitAsync("/konto", "Gå med", [("OrganisationName", "Nacka kommun")]);
        Assert.Contains("skickad till plattformens moderatorer", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var request = app.Mail("admin@lessons.test")[^1];
        Assert.Equal("Nora Nilsson vill gå med i Nacka kommun", request.Subject);
        Assert.Contains("https://lessons.example.se/moderering/ansokningar", request.TextBody, StringComparison.Ordinal);
        var list = app.LinkIn("admin@lessons.test", "/moderering/ansokningar");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync(list)).StatusCode);
        var page = await admin.GetPageAsync(list);
        Assert.Contains("Nacka kommun", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var approved = await admin.SubmitAsync(page, list, "button[value=Approve]");
        Assert.Contains("Det finns inga ansökningar som väntar.", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var welcome = app.Mail("nora@exempel.se")[^1];
        Assert.Equal("Du är nu medlem i Nacka kommun på Lessons", welcome.Subject);
        Assert.Contains("https://lessons.example.se/rapporter/ny", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nacka kommun", (await applicant.GetPageAsync("/konto")).QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_removed_from_the_organisation_can_neither_open_the_edit_form_nor_submit_the_report()
    {
        await using var app = await LessonsApp.StartAsync();
        var admin = await app.AdminAsync();
        var lund = await admin.OrganisationPathAsync("Lunds kommun");
        await admin.SubmitAsync(lund, "Lägg till", [("Domain", "lund.se")]);
        var author = await app.RegisterAndConfirmAsync("eva@lund.se", "Eva Ek");
        await author.SignInAsync("eva@lund.se");
        var saved = await author.SubmitAsync("/rapporter/ny", "Spara utkast", Report);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;
        var draft = await HtmlForm.ParseAsync(saved);
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(path + "/redigera")).StatusCode);

        var asked = await HtmlForm.ParseAsync(await admin.SubmitAsync(lund, "button[value=Remove]"));
        var removed = await admin.SubmitAsync(asked, lund, "Ja, ta bort");
        Assert.DoesNotContain("eva@lund.se", (await HtmlForm.ParseAsync(removed)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(path + "/redigera")).StatusCode);
        var submitted = await author.SubmitAsync(draft, path, "Skicka för granskning");
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.Contains("Du kan inte skicka den här rapporten för granskning.",
            (await HtmlForm.ParseAsync(submitted)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await author.GetPageAsync(path)).QuerySelectorAll("button").FirstOrDefault(b => b.TextContent == "Skicka för granskning"));
    }
}
