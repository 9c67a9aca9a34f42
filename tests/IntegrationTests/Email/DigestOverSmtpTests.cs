using System.Net;
using System.Text;
using System.Text.RegularExpressions;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;
using Lessons.Application.Digests.Commands;
using Lessons.Application.Digests.Queries;
using Lessons.Application.Members.Commands;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Application.Subscriptions.Queries;
using Lessons.Domain;
using Lessons.Domain.Subscriptions;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MimeKit;

namespace Lessons.IntegrationTests.Email;

/// <summary>The weekly digest as a real SMTP server (aiosmtpd on loopback) receives it, and what its links do.</summary>
public sealed partial class DigestOverSmtpTests
{
    /// <summary>The public address of the site the one-click tests then open over HTTP.</summary>
    private const string Site = "https://localhost";

    private static async Task<TestApp> StartAsync(SmtpServer smtp, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Site:PublicUrl"] = Site };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return await TestApp.StartAsync(TestDatabases.Sqlite, smtp.Settings(settings));
    }

    /// <summary>Subscribes and confirms with the link in the confirmation mail the SMTP server received.</summary>
    private static async Task<Guid> SubscribedAsync(TestApp app, SmtpServer smtp, string email)
    {
        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, new FollowChoice { Principles = ["testa-och-lara"] }));
        var link = new Uri(ConfirmLink().Match(Assert.Single(smtp.MessagesTo(email)).TextBody!).Value);
        await app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(link.Segments[^1]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return await app.WithDb(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());
    }

    /// <summary>Confirmed subscribers as rows, for addresses that cannot take the confirmation mail.</summary>
    private static Task<int> ConfirmedAsync(TestApp app, params string[] emails) => app.WithDb(db =>
    {
        foreach (var email in emails)
        {
            var s = new Subscriber(Guid.NewGuid(), email, app.Clock.Now);
            s.Confirm(app.Clock.Now);
            s.AddFollow(Follow.Of(s.Id, FollowKind.Principle, "testa-och-lara", app.Clock.Now));
            db.Subscribers.Add(s);
        }
        return db.SaveChangesAsync();
    });

    private static async Task PublishAsync(TestApp app, Actor editor, string title)
    {
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title) with { Principles = ["testa-och-lara"] }));
        await app.SendAs(editor, new PublishReportCommand(id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private static IReadOnlyList<MimeMessage> DigestsTo(SmtpServer smtp, string email) =>
        [.. smtp.MessagesTo(email).Where(m => (m.Subject ?? "").StartsWith("Lessons veckobrev", StringComparison.Ordinal))];

    /// <summary>A header as the server received it, only unfolded (RFC 5322 2.2.3).</summary>
    private static string OnTheWire(MimeMessage message, string name)
    {
        var header = Assert.Single(message.Headers, h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase));
        return Encoding.ASCII.GetString(header.RawValue).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Trim();
    }

    private static string UnsubscribeUrl(MimeMessage digest) => UnsubscribeHeader().Match(OnTheWire(digest, "List-Unsubscribe")).Groups["url"].Value;

    private static Task<SubscriberStatus> StatusOf(TestApp app, Guid id) =>
        app.WithDb(db => db.Subscribers.Where(s => s.Id == id).Select(s => s.Status).SingleAsync());

    [Fact]
    public async Task A_digest_received_over_SMTP_has_HTML_and_text_parts_list_headers_and_the_message_id_of_its_run_and_subscriber()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var editor = await app.Member("Umeå kommun", editor: true);
        var subscriber = await SubscribedAsync(app, smtp, "over-smtp@example.org");
        await PublishAsync(app, editor, "Veckobrevet över SMTP");

        await app.Send(new RunDigestsCommand(SendNow: true));

        var digest = Assert.Single(DigestsTo(smtp, "over-smtp@example.org"));
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", digest.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(digest.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("Veckobrevet över SMTP", digest.TextBody, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(digest.HtmlBody!);
        Assert.Equal("Veckobrevet över SMTP", html.QuerySelector("h3 a")!.TextContent);

        Assert.Matches(@"^<https://localhost/prenumerera/avsluta/[^>\s]+>, <mailto:unsubscribe@localhost\?subject=unsubscribe>$", OnTheWire(digest, "List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", OnTheWire(digest, "List-Unsubscribe-Post"));
        Assert.Equal("Lessons veckobrev <digest.localhost>", OnTheWire(digest, "List-Id"));
        var run = await app.WithDb(db => db.DigestRuns.Where(r => r.ScheduleKey == null).Select(r => r.Id).SingleAsync());
        Assert.Equal($"<digest.{run:N}.{subscriber:N}@localhost>", OnTheWire(digest, "Message-ID"));
    }

    [Fact]
    public async Task The_digests_one_click_link_unsubscribes_on_a_POST_with_the_RFC_8058_body_or_none_without_cookies_or_token_and_a_GET_changes_nothing()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await StartAsync(smtp);
        var editor = await app.Member("Umeå kommun", editor: true);
        var withBody = await SubscribedAsync(app, smtp, "med-kropp@example.org");
        var withoutBody = await SubscribedAsync(app, smtp, "utan-kropp@example.org");
        await PublishAsync(app, editor, "Rapporten med avregistreringslänken");
        await app.Send(new RunDigestsCommand(SendNow: true));
        // The site on the same database, as a mail client reaches it: no cookies, no antiforgery token.
        await using var site = await LessonsApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Lessons"] = app.ConnectionString,
            ["Digest:Enabled"] = "false",
        });
        var mailClient = site.CreateClient(new() { BaseAddress = new Uri(Site), HandleCookies = false, AllowAutoRedirect = false });
        var first = new Uri(UnsubscribeUrl(Assert.Single(DigestsTo(smtp, "med-kropp@example.org")))).PathAndQuery;
        var second = new Uri(UnsubscribeUrl(Assert.Single(DigestsTo(smtp, "utan-kropp@example.org")))).PathAndQuery;

        var get = await mailClient.GetAsync(first);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, await StatusOf(app, withBody));

        var posted = await mailClient.PostAsync(first, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        var bare = await mailClient.PostAsync(second, content: null);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusOf(app, withBody));
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusOf(app, withoutBody));
    }

    [Fact]
    public async Task A_test_the_mail_server_refuses_says_so_in_the_administrators_language_with_the_servers_own_reason()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--reject", "provar@example.org");
        await using var app = await StartAsync(smtp);
        var editor = await app.Member("Umeå kommun", editor: true);
        var adminId = Guid.NewGuid();
        await app.Send(new ActivateMemberCommand(adminId, "provar@example.org", "Administratör"));
        var admin = new Actor(adminId, IsAdmin: true);
        await ConfirmedAsync(app, "mottagaren@example.org");
        await UseCases.DigestAdminTests.PublishedAsync(app, editor, "Rapporten i testbrevet", "testa-och-lara");

        DomainRuleException english;
        using (MailCulture.Use("en"))
            english = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(admin, new SendTestDigestCommand("mottagaren@example.org")));
        var swedish = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(admin, new SendTestDigestCommand("mottagaren@example.org")));

        // The sentence is the administrator's language; the server's reason stays as the server wrote it.
        Assert.StartsWith("The test mail could not be sent: ", english.Message, StringComparison.Ordinal);
        Assert.StartsWith("Testbrevet kunde inte skickas: ", swedish.Message, StringComparison.Ordinal);
        Assert.Equal(english.Message["The test mail could not be sent: ".Length..], swedish.Message["Testbrevet kunde inte skickas: ".Length..]);
        Assert.Equal("email", english.Field);
        Assert.Equal(2, smtp.Events().Count(e => e == "rcpt provar@example.org 550"));
    }

    [Fact]
    public async Task An_address_refused_for_good_is_suspended_after_SuspendAfter_weeks_of_failures_and_keeps_its_follows()
    {
        await using var smtp = await SmtpServer.StartScriptedAsync("--reject", "studsar@example.org");
        await using var app = await StartAsync(smtp, new() { ["Digest:SuspendAfter"] = "2" });
        var editor = await app.Member("Umeå kommun", editor: true);
        await ConfirmedAsync(app, "studsar@example.org", "tar-emot@example.org");
        var bouncing = await app.WithDb(db => db.Subscribers.Where(s => s.Email == "studsar@example.org").Select(s => s.Id).SingleAsync());
        var manage = app.Get<ISubscriberTokens>().Issue(bouncing, SubscriberTokenPurpose.Manage);
        int Refusals() => smtp.Events().Count(e => e == "rcpt studsar@example.org 550");

        // Three weeks, each with a new report and the scheduled run after Monday 07:00.
        var monday = app.Clock.Now.Date;
        var statuses = new List<(SubscriberStatus Status, int Failures, int Refusals)>();
        for (var week = 1; week <= 3; week++)
        {
            app.Clock.Now = new DateTimeOffset(monday.AddDays(7 * week - 6), TimeSpan.Zero);
            await PublishAsync(app, editor, $"Veckans rapport {week}");
            app.Clock.Now = new DateTimeOffset(monday.AddDays(7 * week).AddHours(7), TimeSpan.Zero);
            await app.Send(new RunDigestsCommand());
            var subscriber = await app.WithDb(db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == bouncing));
            statuses.Add((subscriber.Status, subscriber.PermanentFailures, Refusals()));
        }

        Assert.Equal([(SubscriberStatus.Confirmed, 1, 1), (SubscriberStatus.Suspended, 2, 2), (SubscriberStatus.Suspended, 2, 2)], statuses);
        Assert.Equal(3, DigestsTo(smtp, "tar-emot@example.org").Count);
        var page = await app.SendAs(Actor.Nobody, new GetSubscriptionQuery(manage));
        Assert.Equal(SubscriberStatus.Suspended, page.Status);
        Assert.Equal(["testa-och-lara"], page.Follows.Select(f => f.Key));
        var suspended = Assert.Single((await app.Send(new GetDigestOverviewQuery())).Suspended);
        Assert.Equal(("studsar@example.org", 2), (suspended.Email, suspended.PermanentFailures));
        var preview = await app.Send(new PreviewDigestQuery("studsar@example.org"));
        Assert.Contains("avstängd", preview.Reason, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https://localhost/prenumerera/bekrafta/\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"^<(?<url>https://[^>]+)>")]
    private static partial Regex UnsubscribeHeader();
}
