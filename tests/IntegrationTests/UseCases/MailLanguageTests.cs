using Lessons.Application.Digests.Commands;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;
using Lessons.IntegrationTests.Fixtures;

using MimeKit;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>Mails to subscribers are written in the language the subscriber chose, whatever language the sender reads.</summary>
public sealed class MailLanguageTests
{
    private const string Site = "https://lessons.example.se";

    private static Task<TestApp> StartAsync(string database) =>
        TestApp.StartAsync(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = Site });

    private static async Task SubscribedAsync(TestApp app, string email, string language, FollowChoice follows)
    {
        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, follows, language));
        var link = MailFolder.LinkIn(app.MailDirectory, email, "/prenumerera/bekrafta/");
        await app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(link.Segments[^1]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private static async Task PublishedAsync(TestApp app, Actor editor, ReportInput input)
    {
        var id = await app.SendAs(editor, new CreateDraftCommand(input));
        await app.SendAs(editor, new PublishReportCommand(id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private static async Task<MimeMessage> DigestAsync(TestApp app, string email)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Send(new RunDigestsCommand(SendNow: true));
        return app.Mail(email)[^1];
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Html(MimeMessage mail) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!);

    /// <summary>A failure and a success the subscriber follows by a challenge and by a search, in one run.</summary>
    private static async Task<MimeMessage> DigestWithBothSectionsAsync(TestApp app, string email, string language)
    {
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, email, language,
            new FollowChoice { Challenges = ["upphandling-och-avtal"], Queries = ["q=trygghetslarm"] });
        await PublishedAsync(app, editor, Drafts.Valid("Gemensam upphandling av trygghetslarm", "misslyckades") with
        {
            Challenges = ["upphandling-och-avtal"],
        });
        await PublishedAsync(app, editor, Drafts.Valid("Upphandlad e-tjänst för bygglov", "lyckades") with { Challenges = ["upphandling-och-avtal"] });
        return await DigestAsync(app, email);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_english_subscriber_gets_the_confirmation_in_english(string database)
    {
        await using var app = await StartAsync(database);

        await app.SendAs(Actor.Nobody, new SubscribeCommand("emma@example.org", new FollowChoice { Principles = ["testa-och-lara"] }, "en"));

        var mail = Assert.Single(app.Mail("emma@example.org"));
        Assert.Equal("Confirm your subscription to Lessons", mail.Subject);
        Assert.Contains("Confirm the subscription: " + Site + "/prenumerera/bekrafta/", mail.TextBody, StringComparison.Ordinal);
        var html = Html(mail);
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Confirm the subscription", html.QuerySelector("a")!.TextContent);
        Assert.DoesNotContain("Bekräfta", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_subscriber_who_chose_nothing_gets_the_confirmation_in_swedish(string database)
    {
        await using var app = await StartAsync(database);

        await app.SendAs(Actor.Nobody, new SubscribeCommand("sven@example.org", new FollowChoice { Principles = ["testa-och-lara"] }));

        var mail = Assert.Single(app.Mail("sven@example.org"));
        Assert.Equal("Bekräfta din prenumeration på Lessons", mail.Subject);
        Assert.Equal("sv", Html(mail).DocumentElement.GetAttribute("lang"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_english_subscribers_digest_is_english_from_subject_to_footer_with_the_taxonomys_english_labels(string database)
    {
        await using var app = await StartAsync(database);

        var mail = await DigestWithBothSectionsAsync(app, "emma@example.org", "en");

        Assert.Equal("Lessons weekly digest: 2 new experience reports", mail.Subject);
        var html = Html(mail);
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Lessons from what did not work", "New reports"], html.QuerySelectorAll("h2").Select(h => h.TextContent));
        var text = mail.TextBody!;
        Assert.Contains("Umeå kommun · Failed · Test (prototype, pilot)", text, StringComparison.Ordinal);
        Assert.Contains("You follow: Procurement and contracts, the search “trygghetslarm”", text, StringComparison.Ordinal);
        Assert.Contains("Manage your watches: " + Site, text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: " + Site, text, StringComparison.Ordinal);
        var body = html.Body!.TextContent;
        Assert.Contains("Outcome: Failed · Stage: Test (prototype, pilot)", body, StringComparison.Ordinal);
        Assert.Contains("You get the Lessons weekly digest because you subscribe to it.", body, StringComparison.Ordinal);
        // The reports' own titles stay Swedish; nothing of the template's Swedish is left.
        foreach (var swedish in new[] { "Du följer", "Utfall", "Skede", "Hantera", "Avsluta", "veckobrev", "Lärdomar", "Nya rapporter", "sökningen" })
        {
            Assert.DoesNotContain(swedish, text, StringComparison.Ordinal);
            Assert.DoesNotContain(swedish, body, StringComparison.Ordinal);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_swedish_subscribers_digest_stays_swedish_in_the_same_run(string database)
    {
        await using var app = await StartAsync(database);
        await SubscribedAsync(app, "emma@example.org", "en", new FollowChoice { Challenges = ["upphandling-och-avtal"] });

        var mail = await DigestWithBothSectionsAsync(app, "sven@example.org", "sv");

        Assert.Equal("Lessons veckobrev: 2 nya erfarenhetsrapporter", mail.Subject);
        var html = Html(mail);
        Assert.Equal("sv", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Lärdomar från det som inte gick", "Nya rapporter"], html.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("Du följer: Upphandling och avtal, sökningen ”trygghetslarm”", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("Lessons weekly digest: 2 new experience reports", app.Mail("emma@example.org")[^1].Subject);
    }
}
