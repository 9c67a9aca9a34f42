using Lessons.Application.Digests.Commands;
using Lessons.Application.Members.Commands;
using Lessons.Application.Organisations.Commands;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;
using Lessons.IntegrationTests.Fixtures;

using MimeKit;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>Mails are written in the language the recipient chose, subscriber or member, whatever language the one who
/// caused them reads.</summary>
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
        // Every link opens its page in English, in a browser that never chose a language too.
        var links = html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.EndsWith("ui-culture=en-GB", link, StringComparison.Ordinal));
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

    /// <summary>The Swedish of the notifications' own text (not the report's title or the reviewer's words).</summary>
    private static readonly string[] NotificationSwedish =
        ["Hej", "Din rapport", "Kommentar", "granskaren", "Öppna", "publicerad", "Läs rapporten", "återanvänt", "konto på Lessons", "medlem i"];

    private static void AllEnglish(MimeMessage mail)
    {
        Assert.Equal("en", Html(mail).DocumentElement.GetAttribute("lang"));
        foreach (var swedish in NotificationSwedish)
        {
            Assert.DoesNotContain(swedish, mail.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain(swedish, mail.TextBody, StringComparison.Ordinal);
        }
        Assert.Contains("You get this message because you have an account on Lessons.", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_who_reads_english_is_told_of_a_return_a_publication_and_a_reuse_in_english_and_the_swedish_editor_in_swedish(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true, name: "Sara Redaktör");
        var author = await app.Member("Umeå kommun", name: "Emma Writer");
        var reader = await app.Member("Nacka kommun", name: "Nils Läsare");
        await app.SendAs(author, new ChooseMailLanguageCommand("en"));
        var authorEmail = await app.EmailOf(author);
        var earlier = app.Mail(authorEmail).Count; // the approval of the membership, before the choice
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Digital post till äldre", "misslyckades")));

        await app.SendAs(author, new SubmitForReviewCommand(id));
        await app.SendAs(editor, new ReturnToDraftCommand(id, "Skriv mer om effekterna."));
        await app.SendAs(author, new SubmitForReviewCommand(id));
        await app.SendAs(editor, new PublishReportCommand(id));
        await app.SendAs(reader, new MarkReusedCommand(id, "Vi gjorde likadant."));

        var review = app.Mail(await app.EmailOf(editor)).First(m => m.Subject!.StartsWith("Rapport att granska", StringComparison.Ordinal));
        Assert.Equal("Rapport att granska: Digital post till äldre", review.Subject);
        Assert.Equal("sv", Html(review).DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Hej Sara Redaktör!", review.TextBody, StringComparison.Ordinal);
        var mails = app.Mail(authorEmail).Skip(earlier).ToList();
        Assert.Equal(
            ["The report “Digital post till äldre” needs changes", "Your report is published: Digital post till äldre",
             "Your report has been reused: Digital post till äldre"],
            mails.Select(m => m.Subject));
        var returned = mails[0].TextBody!;
        Assert.StartsWith("Hello Emma Writer!", returned, StringComparison.Ordinal);
        Assert.Contains("Your report “Digital post till äldre” has been sent back to you as a draft.", returned, StringComparison.Ordinal);
        Assert.Contains("The reviewer's comment:\n\n> Skriv mer om effekterna.", returned.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"Open the report: {Site}/rapporter/{id}?ui-culture=en-GB\n", returned.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Other organisations can now find it and learn from it.", mails[1].TextBody, StringComparison.Ordinal);
        Assert.Contains("Nils Läsare (Nacka kommun) has marked that they have reused “Digital post till äldre”. They wrote:", mails[2].TextBody, StringComparison.Ordinal);
        Assert.All(mails, AllEnglish);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_english_reading_moderator_gets_the_join_request_in_english_and_the_english_applicant_the_approval(string database)
    {
        await using var app = await StartAsync(database);
        var moderator = await app.Moderator();
        await app.SendAs(moderator, new ChooseMailLanguageCommand("en"));
        var applicant = await app.Confirmed("Ali Applicant");
        await app.SendAs(applicant, new ChooseMailLanguageCommand("en"));
        var nacka = await app.OrganisationId("Nacka kommun");

        await app.SendAs(applicant, new RequestMembershipCommand(nacka));
        await app.SendAs(moderator, new ManageMemberCommand(nacka, applicant.Id!.Value, MemberAction.Approve));

        var request = Assert.Single(app.Mail(await app.EmailOf(moderator)));
        Assert.Equal("Ali Applicant wants to join Nacka kommun", request.Subject);
        Assert.Contains("The organisation has no editors yet, so the request goes to the platform's moderators.", request.TextBody, StringComparison.Ordinal);
        Assert.Contains("Handle the request: " + Site + "/moderering/ansokningar", request.TextBody, StringComparison.Ordinal);
        var approval = Assert.Single(app.Mail(await app.EmailOf(applicant)));
        Assert.Equal("You are now a member of Nacka kommun on Lessons", approval.Subject);
        Assert.Contains("Write a report: " + Site + "/rapporter/ny", approval.TextBody, StringComparison.Ordinal);
        AllEnglish(request);
        AllEnglish(approval);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_subscriber_who_chooses_english_on_the_manage_page_gets_the_next_digest_in_english(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, "sven@example.org", "sv", new FollowChoice { Challenges = ["upphandling-och-avtal"] });
        // Subscribing again mails the manage link, as every digest carries it.
        await app.SendAs(Actor.Nobody, new SubscribeCommand("sven@example.org", new FollowChoice { Challenges = ["upphandling-och-avtal"] }));
        var manage = MailFolder.LinkIn(app.MailDirectory, "sven@example.org", "/prenumerera/hantera/").Segments[^1];

        await app.SendAs(Actor.Nobody, new ChooseDigestLanguageCommand(manage, "en"));
        await PublishedAsync(app, editor, Drafts.Valid("Upphandlad e-tjänst för bygglov", "lyckades") with { Challenges = ["upphandling-och-avtal"] });
        var mail = await DigestAsync(app, "sven@example.org");

        Assert.Equal("Lessons weekly digest: 1 new experience report", mail.Subject);
        Assert.Equal("en", Html(mail).DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await app.SendAs(Actor.Nobody, new Application.Subscriptions.Queries.GetSubscriptionQuery(manage))).Language);
        await Assert.ThrowsAsync<Application.Common.Errors.ValidationFailedException>(() => app.SendAs(Actor.Nobody, new ChooseDigestLanguageCommand(manage, "de")));
    }
}
