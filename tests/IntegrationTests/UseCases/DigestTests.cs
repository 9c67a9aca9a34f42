using Lessons.Application.Digests.Commands;
using Lessons.Application.Digests.Queries;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Domain.Subscriptions;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MimeKit;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>The weekly digest: what a subscriber's one mail says, its headers, and that a week sends it once.</summary>
public sealed class DigestTests
{
    private const string Site = "https://lessons.example.se";

    private static Task<TestApp> StartAsync(string database, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Site:PublicUrl"] = Site };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return TestApp.StartAsync(database, settings);
    }

    /// <summary>Subscribes and confirms through the link in the confirmation mail, as a person would.</summary>
    private static async Task<Guid> SubscribedAsync(TestApp app, string email, FollowChoice follows)
    {
        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, follows));
        var link = MailFolder.LinkIn(app.MailDirectory, email, "/prenumerera/bekrafta/");
        await app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(link.Segments[^1]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return await app.WithDb(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());
    }

    private static async Task<Guid> PublishedAsync(TestApp app, Actor publisher, ReportInput input, Actor? author = null)
    {
        var id = await app.SendAs(author ?? publisher, new CreateDraftCommand(input));
        await app.SendAs(publisher, new PublishReportCommand(id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return id;
    }

    private static ReportInput Report(string title, string outcome = "lyckades", string[]? principles = null, string[]? challenges = null,
        bool anonymous = false, bool membersOnly = false) => Drafts.Valid(title, outcome, anonymous, membersOnly) with
        {
            Principles = principles ?? ["omfamna-innovation"],
            Challenges = challenges ?? ["kritisk-massa"],
        };

    /// <summary><c>digest --send-now</c> a minute later: a report published at the cutoff instant belongs to the next window.</summary>
    private static Task<IReadOnlyList<Application.Digests.DigestRunCounts>> SendNowAsync(TestApp app)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return app.Send(new RunDigestsCommand(SendNow: true));
    }

    private static IReadOnlyList<MimeMessage> DigestsTo(TestApp app, string email) =>
        [.. app.Mail(email).Where(m => (m.Subject ?? "").StartsWith("Lessons veckobrev", StringComparison.Ordinal))];

    private static Task<List<DigestDelivery>> DeliveriesAsync(TestApp app, Guid subscriber) =>
        app.WithDb(db => db.DigestDeliveries.AsNoTracking().Where(d => d.SubscriberId == subscriber).OrderBy(d => d.WindowEnd).ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task A_digest_lists_the_new_reports_a_subscriber_follows_with_why_and_none_of_the_others(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var before = await PublishedAsync(app, editor, Report("Upphandlingen som publicerades före prenumerationen", challenges: ["upphandling-och-avtal"]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SubscribedAsync(app, "anna@example.org", new FollowChoice { Challenges = ["upphandling-och-avtal"] });
        var matching = await PublishedAsync(app, editor, Report("Gemensam upphandling av trygghetslarm", challenges: ["upphandling-och-avtal"]));
        var other = await PublishedAsync(app, editor, Report("Skolmaten och svinnet", challenges: ["kritisk-massa"]));

        await SendNowAsync(app);

        var mail = Assert.Single(DigestsTo(app, "anna@example.org"));
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", mail.Subject);
        var text = mail.TextBody!;
        Assert.Contains("Gemensam upphandling av trygghetslarm", text, StringComparison.Ordinal);
        Assert.Contains($"{Site}/rapporter/{matching}", text, StringComparison.Ordinal);
        Assert.Contains("Umeå kommun · Lyckades (i drift) · Test (prototyp, pilot)", text, StringComparison.Ordinal);
        Assert.Contains("Du följer: Upphandling och avtal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skolmaten", text, StringComparison.Ordinal);
        Assert.DoesNotContain("före prenumerationen", text, StringComparison.Ordinal);

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!);
        Assert.Equal("sv", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", html.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Nya rapporter"], html.QuerySelectorAll("h2").Select(h => h.TextContent));
        var link = Assert.Single(html.QuerySelectorAll("h3 a"));
        Assert.Equal($"{Site}/rapporter/{matching}", link.GetAttribute("href"));
        Assert.Equal("Gemensam upphandling av trygghetslarm", link.TextContent);
        Assert.Contains("light dark", html.QuerySelector("meta[name=color-scheme]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith(Site + "/prenumerera/hantera/", StringComparison.Ordinal));
        Assert.Empty(html.QuerySelectorAll("img"));

        var delivery = Assert.Single(await DeliveriesAsync(app, await app.WithDb(db => db.Subscribers.Where(s => s.Email == "anna@example.org").Select(s => s.Id).SingleAsync())));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal([matching], delivery.ReportIds);
        Assert.DoesNotContain(before, delivery.ReportIds);
        Assert.DoesNotContain(other, delivery.ReportIds);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_subscriber_with_nothing_new_gets_no_mail_and_no_delivery(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var subscriber = await SubscribedAsync(app, "bo@example.org", new FollowChoice { Principles = ["sprida-lardomar"] });
        await PublishedAsync(app, editor, Report("Något helt annat", principles: ["omfamna-innovation"]));

        var runs = await SendNowAsync(app);

        Assert.Empty(DigestsTo(app, "bo@example.org"));
        Assert.Empty(await DeliveriesAsync(app, subscriber));
        Assert.Equal(0, Assert.Single(runs).Composed);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Members_only_reports_reach_only_subscribers_whose_account_may_read_them(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var member = await app.Member("Nacka kommun");
        var memberEmail = await app.EmailOf(member);
        var follows = new FollowChoice { Principles = ["testa-och-lara"] };
        await SubscribedAsync(app, memberEmail, follows);
        await SubscribedAsync(app, "utomstaende@example.org", follows);
        await PublishedAsync(app, editor, Report("Bara för medlemmar: journalsystemet", principles: ["testa-och-lara"], membersOnly: true));
        await PublishedAsync(app, editor, Report("Öppen för alla: cykelbanorna", principles: ["testa-och-lara"]));

        await SendNowAsync(app);

        var members = Assert.Single(DigestsTo(app, memberEmail)).TextBody!;
        Assert.Contains("Bara för medlemmar: journalsystemet", members, StringComparison.Ordinal);
        Assert.Contains("Öppen för alla: cykelbanorna", members, StringComparison.Ordinal);
        var outsider = Assert.Single(DigestsTo(app, "utomstaende@example.org"));
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", outsider.Subject);
        Assert.DoesNotContain("journalsystemet", outsider.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("journalsystemet", outsider.HtmlBody!, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_anonymous_report_never_names_its_organisation_and_never_matches_a_follow_of_it(string database)
    {
        await using var app = await StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var moderator = await app.Moderator();
        var umea = await app.OrganisationId("Umeå kommun");
        await SubscribedAsync(app, "foljer-umea@example.org", new FollowChoice { Organisations = [umea.ToString()] });
        await SubscribedAsync(app, "foljer-kommuner@example.org", new FollowChoice { OrganisationTypes = ["kommun"] });
        await SubscribedAsync(app, "foljer-principen@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, moderator, Report("Det anonyma misslyckandet", "misslyckades", principles: ["testa-och-lara"], anonymous: true), author);

        await SendNowAsync(app);

        Assert.Empty(DigestsTo(app, "foljer-umea@example.org"));
        Assert.Empty(DigestsTo(app, "foljer-kommuner@example.org"));
        var mail = Assert.Single(DigestsTo(app, "foljer-principen@example.org"));
        Assert.Contains("Det anonyma misslyckandet", mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Anonym organisation · Misslyckades", mail.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("Umeå", mail.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("Ume", mail.HtmlBody!, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Five_follows_make_one_mail_listing_each_report_once_with_every_reason(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var umea = await app.OrganisationId("Umeå kommun");
        var subscriber = await SubscribedAsync(app, "fem@example.org", new FollowChoice
        {
            Principles = ["testa-och-lara"],
            Challenges = ["upphandling-och-avtal", "finansiering"],
            Organisations = [umea.ToString()],
            Queries = ["q=trygghetslarm"],
        });
        var everything = await PublishedAsync(app, editor, Report("Trygghetslarm i hemtjänsten", principles: ["testa-och-lara"],
            challenges: ["upphandling-och-avtal", "finansiering"]));
        var second = await PublishedAsync(app, editor, Report("Projektmedel som tog slut", principles: ["omfamna-innovation"], challenges: ["finansiering"]));

        await SendNowAsync(app);

        var mail = Assert.Single(DigestsTo(app, "fem@example.org"));
        Assert.Equal("Lessons veckobrev: 2 nya erfarenhetsrapporter", mail.Subject);
        var text = mail.TextBody!;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, $"/rapporter/{everything}"));
        Assert.Contains("Du följer: Utforska och testa lösningar i loopar, Finansiering (kortsiktiga projektmedel), Upphandling och avtal, Umeå kommun, sökningen \u201dtrygghetslarm\u201d",
            text, StringComparison.Ordinal);
        var delivery = Assert.Single(await DeliveriesAsync(app, subscriber));
        Assert.Equal(new[] { everything, second }.Order(), delivery.ReportIds.Order());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Failures_come_first_then_other_new_reports_then_what_was_reused(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var reuser = await app.Member("Nacka kommun");
        var old = await PublishedAsync(app, editor, Report("Den gamla rapporten om e-tjänster", principles: ["sprida-lardomar"]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SubscribedAsync(app, "sektioner@example.org", new FollowChoice { Principles = ["sprida-lardomar"] });
        await PublishedAsync(app, editor, Report("Lyckat: delade tjänster", "lyckades", principles: ["sprida-lardomar"]));
        await PublishedAsync(app, editor, Report("Avbrutet: gemensam växel", "avbruten", principles: ["sprida-lardomar"]));
        await PublishedAsync(app, editor, Report("Misslyckat: appen ingen använde", "misslyckades", principles: ["sprida-lardomar"]));
        await app.SendAs(reuser, new MarkReusedCommand(old, "Vi byggde vidare på deras e-tjänst."));

        await SendNowAsync(app);

        var mail = Assert.Single(DigestsTo(app, "sektioner@example.org"));
        Assert.Equal("Lessons veckobrev: 3 nya erfarenhetsrapporter och 1 återanvänd rapport", mail.Subject);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!);
        Assert.Equal(["Lärdomar från det som inte gick", "Nya rapporter", "Återanvänt den här veckan"], html.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(
            ["Misslyckat: appen ingen använde", "Avbrutet: gemensam växel", "Lyckat: delade tjänster", "Den gamla rapporten om e-tjänster"],
            html.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Contains("Återanvänd 1 gång", mail.TextBody!, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Over_the_cap_the_digest_says_how_many_more_and_links_to_the_search(string database)
    {
        await using var app = await StartAsync(database, new Dictionary<string, string?> { ["Digest:Cap"] = "3" });
        var editor = await app.Member("Umeå kommun", editor: true);
        var subscriber = await SubscribedAsync(app, "tak@example.org", new FollowChoice { Challenges = ["finansiering"] });
        for (var i = 1; i <= 5; i++)
        {
            await PublishedAsync(app, editor, Report($"Finansieringsrapport {i}", challenges: ["finansiering"]));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await SendNowAsync(app);

        var mail = Assert.Single(DigestsTo(app, "tak@example.org"));
        Assert.Equal("Lessons veckobrev: 5 nya erfarenhetsrapporter", mail.Subject);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!);
        Assert.Equal(["Finansieringsrapport 5", "Finansieringsrapport 4", "Finansieringsrapport 3"], html.QuerySelectorAll("h3").Select(h => h.TextContent));
        var more = Assert.Single(html.QuerySelectorAll("a"), a => a.TextContent == "och 2 till");
        Assert.Equal($"{Site}/sok?challenge=finansiering&sort=newest", more.GetAttribute("href"));
        Assert.Contains($"och 2 till: {Site}/sok?challenge=finansiering&sort=newest", mail.TextBody!, StringComparison.Ordinal);
        Assert.Equal(5, Assert.Single(await DeliveriesAsync(app, subscriber)).ReportIds.Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_digest_carries_one_click_unsubscribe_a_list_id_and_a_message_id_from_run_and_subscriber(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var subscriber = await SubscribedAsync(app, "rubriker@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, Report("Rubrikerna", principles: ["testa-och-lara"]));

        await SendNowAsync(app);

        var mail = Assert.Single(DigestsTo(app, "rubriker@example.org"));
        var unsubscribe = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches(@"^<https://lessons\.example\.se/prenumerera/avsluta/[^>\s]+>, <mailto:unsubscribe@lessons\.example\.se\?subject=unsubscribe>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("Lessons veckobrev <digest.lessons.example.se>", mail.Headers["List-Id"]);
        var run = await app.WithDb(db => db.DigestRuns.Select(r => r.Id).SingleAsync());
        Assert.Equal($"digest.{run:N}.{subscriber:N}@lessons.example.se", mail.MessageId);

        // The header's link is the subscriber's own: following it with a bare POST unsubscribes (RFC 8058).
        var token = unsubscribe[1..unsubscribe.IndexOf('>', StringComparison.Ordinal)].Split('/')[^1];
        await app.SendAs(Actor.Nobody, new UnsubscribeCommand(token));
        Assert.Equal(SubscriberStatus.Unsubscribed, await app.WithDb(db => db.Subscribers.Where(s => s.Id == subscriber).Select(s => s.Status).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_subscribers_getting_one_report_for_different_follows_each_read_their_own_reason(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, "principen@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await SubscribedAsync(app, "utmaningen@example.org", new FollowChoice { Challenges = ["finansiering"] });
        await SubscribedAsync(app, "samma@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, Report("Delad rapport", principles: ["testa-och-lara"], challenges: ["finansiering"]));

        await SendNowAsync(app);

        string Reason(string email)
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Assert.Single(DigestsTo(app, email)).HtmlBody!);
            return Assert.Single(html.QuerySelectorAll("li p"), p => p.TextContent.StartsWith("Du följer:", StringComparison.Ordinal)).TextContent;
        }
        Assert.Equal("Du följer: Utforska och testa lösningar i loopar", Reason("principen@example.org"));
        Assert.Equal("Du följer: Finansiering (kortsiktiga projektmedel)", Reason("utmaningen@example.org"));
        Assert.Equal("Du följer: Utforska och testa lösningar i loopar", Reason("samma@example.org"));
        Assert.Contains("Du följer: Finansiering (kortsiktiga projektmedel)", Assert.Single(DigestsTo(app, "utmaningen@example.org")).TextBody!, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_unsubscribe_header_carries_the_link_signed_into_the_stored_mail(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, "samma-lank@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, Report("Länken", principles: ["testa-och-lara"]));

        await SendNowAsync(app);

        var mail = Assert.Single(DigestsTo(app, "samma-lank@example.org"));
        var header = mail.Headers["List-Unsubscribe"]!;
        var link = header[1..header.IndexOf('>', StringComparison.Ordinal)];
        Assert.EndsWith($"Avsluta prenumerationen: {link}\n", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!);
        Assert.Equal(link, Assert.Single(html.QuerySelectorAll("a"), a => a.TextContent == "Avsluta prenumerationen").GetAttribute("href"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Writing_a_batch_of_deliveries_drops_the_one_whose_subscriber_has_this_weeks_digest_and_writes_the_rest(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var first = await SubscribedAsync(app, "har-redan@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        var second = await SubscribedAsync(app, "ny-1@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        var third = await SubscribedAsync(app, "ny-2@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        var report = await PublishedAsync(app, editor, Report("Batchen", principles: ["testa-och-lara"]));
        await SendNowAsync(app);
        var run = await app.WithDb(db => db.DigestRuns.SingleAsync());
        // Only the first keeps this week's digest: the others are as if another run had not reached them yet.
        await app.WithDb(db => db.DigestDeliveries.Where(d => d.SubscriberId != first).ExecuteDeleteAsync());

        DigestDelivery Delivery(Guid subscriber) => new(Guid.NewGuid(), run, subscriber, app.Clock.Now.AddDays(-1),
            "Ämnet", "<p>html</p>", "text", [report, Guid.NewGuid()], app.Clock.Now);
        var batch = new[] { Delivery(second), Delivery(first), Delivery(third) };
        var written = await app.InScope(sp => sp.GetRequiredService<Application.Common.Ports.IDeliveryWriter>().AddSkippingTakenAsync(batch, default));

        Assert.Equal(2, written);
        var stored = await app.WithDb(db => db.DigestDeliveries.AsNoTracking().ToListAsync());
        Assert.Equal(3, stored.Count);
        Assert.DoesNotContain(stored, d => d.Id == batch[1].Id);
        foreach (var expected in new[] { batch[0], batch[2] })
        {
            var row = Assert.Single(stored, d => d.Id == expected.Id);
            Assert.Equal((expected.SubscriberId, DeliveryStatus.Composed, "Ämnet", "<p>html</p>", "text"), (row.SubscriberId, row.Status, row.Subject, row.HtmlBody, row.TextBody));
            Assert.Equal(expected.ReportIds, row.ReportIds);
            Assert.Equal(expected.WindowStart, row.WindowStart);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_second_run_in_the_same_week_sends_nothing(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, "en-gang@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, Report("Först", principles: ["testa-och-lara"]));
        await SendNowAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await PublishedAsync(app, editor, Report("Sedan", principles: ["testa-och-lara"]));

        await SendNowAsync(app);
        await app.Send(new RunDigestsCommand());

        var mail = Assert.Single(DigestsTo(app, "en-gang@example.org"));
        Assert.DoesNotContain("Sedan", mail.TextBody!, StringComparison.Ordinal);

        // The report that waited is in next week's digest: the window starts where the last one ended.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await SendNowAsync(app);
        Assert.Contains("Sedan", DigestsTo(app, "en-gang@example.org")[^1].TextBody!, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_edited_after_its_digest_is_never_in_another(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, "redigerat@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        var report = await PublishedAsync(app, editor, Report("Rapporten som ändrades", principles: ["testa-och-lara"]));
        await SendNowAsync(app);

        app.Clock.Advance(TimeSpan.FromDays(7));
        await app.SendAs(editor, new UpdateReportCommand(report, Report("Rapporten som ändrades, version 2", principles: ["testa-och-lara"]), "Rättat"));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await SendNowAsync(app);

        Assert.Single(DigestsTo(app, "redigerat@example.org"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_saved_search_matches_the_new_reports_the_search_page_would_find(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, "sokning@example.org", new FollowChoice { Queries = ["q=upphandling&outcome=misslyckades"] });
        await PublishedAsync(app, editor, Report("Upphandlingarna av larm", "misslyckades"));
        await PublishedAsync(app, editor, Report("Upphandlingarna av skolskjuts", "lyckades"));
        await PublishedAsync(app, editor, Report("Cyklar i tjänsten", "misslyckades"));

        await SendNowAsync(app);

        var mail = Assert.Single(DigestsTo(app, "sokning@example.org"));
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", mail.Subject);
        Assert.Contains("Upphandlingarna av larm", mail.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Du följer: sökningen \u201dupphandling\u201d", mail.TextBody!, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_preview_shows_the_next_digest_or_says_why_there_is_none(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await app.SendAs(Actor.Nobody, new SubscribeCommand("obekraftad@example.org", new FollowChoice { Principles = ["testa-och-lara"] }));
        await SubscribedAsync(app, "avslutad@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        var manage = await app.WithDb(db => db.Subscribers.Where(s => s.Email == "avslutad@example.org").Select(s => s.Id).SingleAsync());
        await app.WithDb(async db =>
        {
            (await db.Subscribers.SingleAsync(s => s.Id == manage)).Unsubscribe(app.Clock.Now);
            return await db.SaveChangesAsync();
        });
        await SubscribedAsync(app, "inget-nytt@example.org", new FollowChoice { Principles = ["sprida-lardomar"] });
        await SubscribedAsync(app, "nytt@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, Report("Förhandsvisad rapport", principles: ["testa-och-lara"]));

        Assert.Contains("okänd", (await app.Send(new PreviewDigestQuery("ingen@example.org"))).Reason, StringComparison.Ordinal);
        Assert.Contains("obekräftad", (await app.Send(new PreviewDigestQuery("obekraftad@example.org"))).Reason, StringComparison.Ordinal);
        Assert.Contains("avregistrerad", (await app.Send(new PreviewDigestQuery("avslutad@example.org"))).Reason, StringComparison.Ordinal);
        Assert.Contains("inget nytt", (await app.Send(new PreviewDigestQuery("inget-nytt@example.org"))).Reason, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var preview = await app.Send(new PreviewDigestQuery("Nytt@Example.org"));
        Assert.True(preview.HasDigest);
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", preview.Subject);
        Assert.Contains("Förhandsvisad rapport", preview.Text, StringComparison.Ordinal);
        Assert.Empty(DigestsTo(app, "nytt@example.org"));
    }
}
