using System.Net;

using AngleSharp.Html.Dom;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>The journeys of DESIGN.md through the real forms, as a public servant, an editor and a visitor.</summary>
public sealed class WritingTests
{
    private static readonly (string, string)[] Report =
    [
        ("Input.Title", "Nattkameror i hemtjänsten gav lugnare nätter"),
        ("Input.Summary", "Vi ersatte nattliga tillsynsbesök med kameror hos brukare som ville det."),
        ("Input.YearStarted", "2023"),
        ("Input.Outcome", "delvis"),
        ("Input.Stage", "inforande"),
        ("Input.Principles", "testa-och-lara"),
        ("Input.Principles", "rusta-medarbetare"),
        ("Input.Challenges", "juridik-och-sekretess"),
        ("Input.Effects[0].Kind", "nojdare-brukare"),
        ("Input.Effects[0].Description", "Färre väckta brukare"),
        ("Input.Effects[0].Value", "40"),
        ("Input.Effects[0].Unit", "procent"),
        ("Input.CostSek", "250000"),
        ("Input.Lessons", "- Fråga brukarna först.\n- Juridiken tar tid."),
        ("Input.Background", "Tillsynsbesök på natten väckte många."),
    ];

    private static async Task<(HttpClient Admin, HttpClient Author, string ReportPath)> WriteAndSubmitAsync(LessonsApp app, bool anonymous)
    {
        var admin = await app.AdminAsync();
        var umea = await admin.OrganisationPathAsync("Umeå kommun");
        var added = await admin.SubmitAsync(umea, "Lägg till", [("Domain", "umea.se")]);
        Assert.Contains("umea.se", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var author = await app.RegisterAndConfirmAsync("anna.andersson@umea.se");
        await author.SignInAsync("anna.andersson@umea.se");
        var form = Report.ToList();
        if (anonymous) form.Add(("Input.Anonymous", "true"));
        var saved = await author.SubmitAsync("/rapporter/ny", "Spara utkast", form);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;
        var draft = await HtmlForm.ParseAsync(saved);
        Assert.Equal("Utkast", draft.QuerySelector(".badge.status")!.TextContent);

        var submitted = await author.SubmitAsync(path, "Skicka för granskning");
        Assert.Contains("skickad för granskning", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await HtmlForm.ParseAsync(submitted)).QuerySelectorAll("button").FirstOrDefault(b => b.TextContent == "Publicera"));
        return (admin, author, path);
    }

    private static async Task<HttpClient> SignedInMemberOfLundAsync(LessonsApp app, string email)
    {
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Lunds kommun"), "Lägg till", [("Domain", "lund.se")]);
        var member = await app.RegisterAndConfirmAsync(email);
        await member.SignInAsync(email);
        return member;
    }

    [Fact]
    public async Task A_public_servant_writes_a_report_that_a_moderator_publishes_for_everyone()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, _, path) = await WriteAndSubmitAsync(app, anonymous: false);

        var review = await admin.GetPageAsync("/mina-rapporter");
        Assert.Contains("Nattkameror i hemtjänsten", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await admin.SubmitAsync(path, "Publicera");

        var visitor = app.Browser();
        var start = await visitor.GetPageAsync("/");
        Assert.Contains(start.QuerySelectorAll("main article h3 a"), a => a.TextContent == "Nattkameror i hemtjänsten gav lugnare nätter");
        var page = await visitor.GetPageAsync(path);
        Assert.Equal("Umeå kommun", page.QuerySelector(".report-header .meta a")!.TextContent);
        Assert.Contains("<li>Fråga brukarna först.</li>", page.QuerySelector("#h-lessons")!.ParentElement!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("40 procent", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("250 000 kr", page.QuerySelector(".facts")!.TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_never_sees_the_organisation_of_an_anonymous_report()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, author, path) = await WriteAndSubmitAsync(app, anonymous: true);
        await admin.SubmitAsync(path, "Publicera");

        var visitorPage = await app.Browser().GetStringAsync(path);
        Assert.Contains("Anonym organisation", visitorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Umeå", visitorPage, StringComparison.Ordinal);
        Assert.Contains("Umeå kommun", await author.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_published_report_keeps_the_earlier_version_readable()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, author, path) = await WriteAndSubmitAsync(app, anonymous: false);
        await admin.SubmitAsync(path, "Publicera");

        await author.SubmitAsync(path + "/redigera", "Spara ny version", [("Input.Title", "Nattkameror: uppföljning efter ett år")]);

        var page = await app.Browser().GetPageAsync(path);
        Assert.Equal("Nattkameror: uppföljning efter ett år", page.QuerySelector("h1")!.TextContent);
        var earlier = page.QuerySelectorAll("#h-revisions ~ ul a").Single().GetAttribute("href")!;
        Assert.Equal("Nattkameror i hemtjänsten gav lugnare nätter", (await app.Browser().GetPageAsync(earlier)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_draft_is_edited_in_place_without_new_versions_until_it_is_published()
    {
        await using var app = await LessonsApp.StartAsync();
        var author = await SignedInMemberOfLundAsync(app, "eva@lund.se");
        var saved = await author.SubmitAsync("/rapporter/ny", "Spara utkast", Report);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;

        var edit = await author.GetPageAsync(path + "/redigera");
        Assert.Equal("Nattkameror i hemtjänsten gav lugnare nätter", edit.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("40", edit.QuerySelector("#Input_Effects_0__Value")!.GetAttribute("value"));
        Assert.NotNull(edit.QuerySelector("input[name='Input.Principles'][value='rusta-medarbetare'][checked]"));
        await author.SubmitAsync(edit, path + "/redigera", "Spara", [("Input.Title", "Nattkameror, andra utkastet")]);

        var page = await author.GetPageAsync(path);
        Assert.Equal("Nattkameror, andra utkastet", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("#h-revisions"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(path)).StatusCode);     // still a draft
    }

    [Fact]
    public async Task A_member_of_another_organisation_marks_that_they_reused_it()
    {
        await using var app = await LessonsApp.StartAsync();
        var (admin, _, path) = await WriteAndSubmitAsync(app, anonymous: false);
        await admin.SubmitAsync(path, "Publicera");
        var reader = await app.RegisterAndConfirmAsync("nils@exempel.se", "Nils Nilsson");
        await reader.SignInAsync("nils@exempel.se");

        var empty = await reader.SubmitAsync(path, "Markera som återanvänd", [("ReuseNote", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("#ReuseNote", (await HtmlForm.ParseAsync(empty)).QuerySelector(".error-summary a")!.GetAttribute("href"));

        await reader.SubmitAsync(path, "Markera som återanvänd", [("ReuseNote", "Vi provar kameror i Nilsby.")]);

        var page = await app.Browser().GetPageAsync(path);
        Assert.Contains("Nils Nilsson: Vi provar kameror i Nilsby.", page.QuerySelector("#h-reuse")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_errors_are_listed_at_the_top_and_beside_each_field_and_nothing_is_saved()
    {
        await using var app = await LessonsApp.StartAsync();
        var author = await SignedInMemberOfLundAsync(app, "lisa@lund.se");

        var response = await author.SubmitAsync("/rapporter/ny", "Spara utkast",
        [
            ("Input.Title", ""), ("Input.Summary", "Kort."), ("Input.YearStarted", "tjugo"), ("Input.Outcome", "delvis"),
            ("Input.Stage", "test"), ("Input.Lessons", "- En lärdom"), ("Input.Links[0].Title", "Länk"), ("Input.Links[0].Url", "javascript:alert(1)"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Contains("\"tjugo\" är inte ett giltigt värde för Startår", summary.TextContent, StringComparison.Ordinal);
        // The form is shown again with what the author wrote, so nothing they typed is lost.
        Assert.Equal("Kort.", page.QuerySelector("#Input_Summary")!.TextContent.Trim());

        var second = await author.SubmitAsync(page, "/rapporter/ny", "Spara utkast", [("Input.YearStarted", "2024")]);
        var again = await HtmlForm.ParseAsync(second);
        var links = again.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_Title", links);
        Assert.Contains("#Input_Links_0__Url", links);
        Assert.NotNull(again.QuerySelector("#Input_Title"));
        Assert.Contains("Rubrik är obligatorisk", again.QuerySelector(".field-validation-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Du har inte skrivit någon rapport ännu", (await author.GetPageAsync("/mina-rapporter")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preview_shows_the_Markdown_as_it_will_read_without_saving()
    {
        await using var app = await LessonsApp.StartAsync();
        var author = await SignedInMemberOfLundAsync(app, "per@lund.se");

        var response = await author.SubmitAsync("/rapporter/ny", "Förhandsgranska", [.. Report.Where(f => f.Item1 != "Input.Lessons"), ("Input.Lessons", "- **Viktigt**\n- <script>alert(1)</script>")]);

        var page = await HtmlForm.ParseAsync(response);
        var preview = page.QuerySelector(".preview")!;
        Assert.Equal("Viktigt", preview.QuerySelector("li strong")!.TextContent);
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Contains("Du har inte skrivit någon rapport ännu", (await author.GetPageAsync("/mina-rapporter")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_saving_the_author_sees_similar_reports_and_can_link_to_one()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var author = await SignedInMemberOfLundAsync(app, "kim@lund.se");
        var form = Report.Where(f => f.Item1 is not ("Input.Title" or "Input.Summary")).ToList();
        form.Add(("Input.Title", "En chattbot som svarar på frågor om bygglov"));
        form.Add(("Input.Summary", "Vi prövade en chattbot för bygglovsfrågor på webben."));

        var checkedPage = await HtmlForm.ParseAsync(await author.SubmitAsync("/rapporter/ny", "Visa liknande rapporter", form));

        var options = checkedPage.QuerySelectorAll("input[name=BuildsOn][type=radio]").ToList();
        var precedent = options.First(o => o.ParentElement!.TextContent.Contains("Chattbot för bygglovsfrågor", StringComparison.Ordinal));
        Assert.Contains("Avbruten", precedent.ParentElement!.TextContent, StringComparison.Ordinal);      // failures shown as plainly
        Assert.Equal("En chattbot som svarar på frågor om bygglov", checkedPage.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var saved = await author.SubmitAsync(checkedPage, "/rapporter/ny", "Spara utkast", [("BuildsOn", precedent.GetAttribute("value")!)]);

        var page = await HtmlForm.ParseAsync(saved);
        Assert.Contains("Bygger vidare på", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chattbot för bygglovsfrågor", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_typing_the_form_asks_for_similar_reports_and_gets_them_as_a_fragment()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var author = await SignedInMemberOfLundAsync(app, "eva@lund.se");
        var form = await author.GetPageAsync("/rapporter/ny");
        var endpoint = form.QuerySelector("form[data-precedents]")!.GetAttribute("data-precedents")!;
        Assert.NotNull(form.QuerySelector("script[src='/js/precedents.js']"));
        Assert.NotNull(form.QuerySelector("#precedents[aria-live=polite]"));

        var fragment = await author.GetStringAsync(endpoint + "&title=" + Uri.EscapeDataString("Chattbot för bygglov")
            + "&summary=" + Uri.EscapeDataString("En chattbot svarar på frågor om bygglov."));

        Assert.Contains("Chattbot för bygglovsfrågor", fragment, StringComparison.Ordinal);
        Assert.Contains("name=\"BuildsOn\"", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Browser().GetAsync("/js/precedents.js")).StatusCode);
    }
}
