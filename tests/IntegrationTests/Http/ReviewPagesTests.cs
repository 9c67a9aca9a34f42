using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>Review through the real pages: the return comment and its e-mail, the moderator's queue of waiting
/// changes, change notes in "Versioner", and what a visitor's page of an anonymous report leaves out.</summary>
public sealed class ReviewPagesTests
{
    private const string PublicUrl = "https://lessons.example.se";

    private static readonly (string, string)[] Report =
    [
        ("Input.Title", "Nattkameror i hemtjänsten gav lugnare nätter"),
        ("Input.Summary", "Vi ersatte nattliga tillsynsbesök med kameror hos brukare som ville det."),
        ("Input.YearStarted", "2023"),
        ("Input.Outcome", "delvis"),
        ("Input.Stage", "inforande"),
        ("Input.Lessons", "- Fråga brukarna först."),
        ("Input.ContactName", "Anna Andersson"),
        ("Input.ContactEmail", "anna.andersson@umea.se"),
    ];

    private static async Task<(HttpClient Admin, HttpClient Author, string Path)> WriteAndSubmitAsync(LessonsApp app, bool anonymous)
    {
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Umeå kommun"), "Lägg till", [("Domain", "umea.se")]);
        var author = await app.RegisterAndConfirmAsync("anna.andersson@umea.se");
        await author.SignInAsync("anna.andersson@umea.se");
        var form = Report.ToList();
        if (anonymous) form.Add(("Input.Anonymous", "true"));
        var saved = await author.SubmitAsync("/rapporter/ny", "Spara utkast", form);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;
        await author.SubmitAsync(path, "Skicka för granskning");
        return (admin, author, path);
    }

    private static Task<LessonsApp> StartAsync() => LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl });

    [Fact]
    public async Task Returning_a_report_needs_a_comment_that_the_author_sees_on_the_draft_and_receives_by_email()
    {
        await using var app = await StartAsync();
        var (admin, author, path) = await WriteAndSubmitAsync(app, anonymous: false);

        var empty = await admin.SubmitAsync(path, "Skicka tillbaka till författaren", [("ReturnComment", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("#ReturnComment", (await HtmlForm.ParseAsync(empty)).QuerySelector(".error-summary a")!.GetAttribute("href"));

        await admin.SubmitAsync(path, "Skicka tillbaka till författaren", [("ReturnComment", "Beskriv vad kamerorna kostade.")]);

        var draft = await author.GetPageAsync(path);
        Assert.Equal("Utkast", draft.QuerySelector(".badge.status")!.TextContent);
        Assert.Equal("Beskriv vad kamerorna kostade.", draft.QuerySelector(".return-comment")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(path)).StatusCode);
        var mail = app.Mail("anna.andersson@umea.se").Last(m => m.TextBody?.Contains("Beskriv vad kamerorna kostade.", StringComparison.Ordinal) == true);
        Assert.Contains("Beskriv vad kamerorna kostade.", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(PublicUrl + path, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PublicUrl}{path}\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_new_version_shows_who_changed_it_and_their_change_note_in_Versioner()
    {
        await using var app = await StartAsync();
        var (admin, author, path) = await WriteAndSubmitAsync(app, anonymous: false);
        await admin.SubmitAsync(path, "Publicera");

        await author.SubmitAsync(path + "/redigera", "Spara ny version",
            [("Input.Title", "Nattkameror: uppföljning efter ett år"), ("ChangeNote", "La till uppföljningen")]);

        var versions = (await app.Browser().GetPageAsync(path)).QuerySelector("#h-revisions")!.ParentElement!.TextContent;
        Assert.Contains("av Anna Andersson", versions, StringComparison.Ordinal);
        Assert.Contains("La till uppföljningen", versions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_a_published_anonymous_report_waits_in_the_moderators_list_until_approved()
    {
        await using var app = await StartAsync();
        var (admin, author, path) = await WriteAndSubmitAsync(app, anonymous: true);
        await admin.SubmitAsync(path, "Publicera");

        var saved = await author.SubmitAsync(path + "/redigera", "Spara ny version", [("Input.Title", "Kameror i Umeås nattillsyn")]);
        Assert.Contains("väntar på granskning av en moderator", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var visitor = app.Browser();
        Assert.Equal("Nattkameror i hemtjänsten gav lugnare nätter", (await visitor.GetPageAsync(path)).QuerySelector("h1")!.TextContent);
        Assert.NotNull((await author.GetPageAsync(path)).QuerySelector(".pending-change"));
        var queue = (await admin.GetPageAsync("/mina-rapporter")).QuerySelector("#h-changes")!.NextElementSibling!.NextElementSibling!;
        Assert.Contains(queue.QuerySelectorAll("a"), a => a.GetAttribute("href") == path);

        await admin.SubmitAsync(path, "Godkänn ändringen");

        Assert.Equal("Kameror i Umeås nattillsyn", (await visitor.GetPageAsync(path)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_visitors_page_of_an_anonymous_report_has_no_contact_and_its_earlier_versions_are_closed_and_redactable()
    {
        await using var app = await StartAsync();
        var (admin, _, path) = await WriteAndSubmitAsync(app, anonymous: true);
        await admin.SubmitAsync(path, "Publicera");
        await admin.SubmitAsync(path + "/redigera", "Spara ny version", [("Input.Title", "Nattkameror, andra versionen")]);

        var visitor = app.Browser();
        var page = await visitor.GetStringAsync(path);
        Assert.Contains("Nattkameror, andra versionen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("umea.se", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna Andersson", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path + "/versioner/1")).StatusCode);
        Assert.Equal("Nattkameror i hemtjänsten gav lugnare nätter", (await admin.GetPageAsync(path + "/versioner/1")).QuerySelector("h1")!.TextContent);

        await admin.SubmitAsync(path, "form[action*='handler=Redact'][action*='number=1'] button");

        Assert.Equal("Borttagen version", (await admin.GetPageAsync(path + "/versioner/1")).QuerySelector("h1")!.TextContent);
        Assert.Contains("Borttagen av moderator", (await admin.GetPageAsync(path)).QuerySelector("#h-revisions")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }
}
