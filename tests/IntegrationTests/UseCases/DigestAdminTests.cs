using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Digests.Commands;
using Lessons.Application.Digests.Queries;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Application.Subscriptions.Queries;
using Lessons.Domain;
using Lessons.Domain.Subscriptions;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

using MimeKit;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>What administrators do with the digest (runs, stuck deliveries, previews, tests), and members' own follows.</summary>
public sealed class DigestAdminTests
{
    private const string Site = "https://lessons.example.se";

    private static Task<TestApp> StartAsync(string database) =>
        TestApp.StartAsync(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = Site });

    /// <summary>Subscribes and confirms through the link in the confirmation mail, as a person would.</summary>
    internal static async Task<Guid> SubscribedAsync(TestApp app, string email, FollowChoice follows)
    {
        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, follows));
        var link = MailFolder.LinkIn(app.MailDirectory, email, "/prenumerera/bekrafta/");
        await app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(link.Segments[^1]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return await app.WithDb(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());
    }

    internal static async Task<Guid> PublishedAsync(TestApp app, Actor editor, string title, string principle, bool membersOnly = false)
    {
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title, membersOnly: membersOnly) with { Principles = [principle] }));
        await app.SendAs(editor, new PublishReportCommand(id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return id;
    }

    internal static Task SendNowAsync(TestApp app)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return app.Send(new RunDigestsCommand(SendNow: true));
    }

    /// <summary>
    /// What a process killed between handing a digest to SMTP and hearing the answer leaves behind: its row in
    /// <c>sending</c> (the mail itself may or may not have gone).
    /// </summary>
    internal static Task<int> LeftInSendingAsync(TestApp app, Guid subscriber) => app.WithDb(db => db.DigestDeliveries
        .Where(d => d.SubscriberId == subscriber)
        .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.SentAt, (DateTimeOffset?)null)));

    private static IReadOnlyList<MimeMessage> DigestsTo(TestApp app, string email) =>
        [.. app.Mail(email).Where(m => (m.Subject ?? "").StartsWith("Lessons veckobrev", StringComparison.Ordinal))];

    private static async Task<Actor> AdminAsync(TestApp app) => (await app.Confirmed("Administratör")) with { IsAdmin = true };

    [Fact]
    public async Task Only_administrators_see_the_runs_send_tests_or_resend_deliveries()
    {
        await using var app = await StartAsync(TestDatabases.Sqlite);
        var editor = await app.Member("Umeå kommun", editor: true);
        var moderator = await app.Moderator();

        foreach (var actor in new[] { editor, moderator })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(actor, new GetDigestOverviewQuery()));
            await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(actor, new PreviewDigestQuery("anna@example.org")));
            await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(actor, new SendTestDigestCommand("anna@example.org")));
            await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(actor, new ResendDigestDeliveryCommand(Guid.NewGuid())));
        }
        await Assert.ThrowsAsync<SignInRequiredException>(() => app.SendAs(Actor.Nobody, new GetDigestOverviewQuery()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_overview_counts_each_runs_deliveries_and_lists_those_left_in_sending(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await SubscribedAsync(app, "kom-fram@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        var stuck = await SubscribedAsync(app, "fastnade@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, "Rapporten i översikten", "testa-och-lara");
        await SendNowAsync(app);
        await LeftInSendingAsync(app, stuck);

        var overview = await app.Send(new GetDigestOverviewQuery());

        var run = Assert.Single(overview.Runs);
        Assert.True(run.Manual);
        Assert.NotNull(run.CompletedAt);
        Assert.Equal((2, 1, 0, 1), (run.Composed, run.Sent, run.Failed, run.Stuck));
        var row = Assert.Single(overview.Stuck);
        Assert.Equal("fastnade@example.org", row.Email);
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", row.Subject);
        Assert.True(row.MayResend);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Resending_a_delivery_stuck_in_sending_sends_its_stored_mail_once_more_with_the_same_message_id(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var subscriber = await SubscribedAsync(app, "igen@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, "Rapporten som skickas igen", "testa-och-lara");
        await SendNowAsync(app);
        await LeftInSendingAsync(app, subscriber);
        var id = Assert.Single((await app.Send(new GetDigestOverviewQuery())).Stuck).Id;

        var result = await app.Send(new ResendDigestDeliveryCommand(id));

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var mails = DigestsTo(app, "igen@example.org");
        Assert.Equal(2, mails.Count);
        Assert.Equal(mails[0].MessageId, mails[1].MessageId);
        Assert.Equal(mails[0].TextBody, mails[1].TextBody);
        Assert.Equal(DeliveryStatus.Sent, await app.WithDb(db => db.DigestDeliveries.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
        Assert.Empty((await app.Send(new GetDigestOverviewQuery())).Stuck);
        // Sent is sent: a second press resends nothing.
        await Assert.ThrowsAsync<DomainRuleException>(() => app.Send(new ResendDigestDeliveryCommand(id)));
        Assert.Equal(2, DigestsTo(app, "igen@example.org").Count);
    }

    [Fact]
    public async Task A_delivery_in_sending_while_a_node_holds_its_runs_lease_may_be_in_flight_and_is_not_resent_until_the_lease_expires()
    {
        await using var app = await StartAsync(TestDatabases.Sqlite);
        var editor = await app.Member("Umeå kommun", editor: true);
        var subscriber = await SubscribedAsync(app, "pagar@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, "Rapporten som är på väg", "testa-och-lara");
        await SendNowAsync(app);
        await LeftInSendingAsync(app, subscriber);
        var until = app.Clock.Now + TimeSpan.FromMinutes(2);
        await app.WithDb(db => db.DigestRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, (DateTimeOffset?)null)
            .SetProperty(r => r.LeaseOwner, "en-annan-nod").SetProperty(r => r.LeaseExpiresAt, until)));

        var row = Assert.Single((await app.Send(new GetDigestOverviewQuery())).Stuck);
        Assert.False(row.MayResend);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.Send(new ResendDigestDeliveryCommand(row.Id)));
        Assert.Single(DigestsTo(app, "pagar@example.org"));

        app.Clock.Now = until + TimeSpan.FromSeconds(1);
        Assert.Equal(SendOutcome.Sent, (await app.Send(new ResendDigestDeliveryCommand(row.Id))).Outcome);
        Assert.Equal(2, DigestsTo(app, "pagar@example.org").Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_test_goes_to_the_administrators_own_address_marked_as_a_test_and_is_never_recorded_as_a_delivery(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var admin = await AdminAsync(app);
        var adminEmail = await app.EmailOf(admin);
        await SubscribedAsync(app, "mottagaren@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await PublishedAsync(app, editor, "Rapporten i testbrevet", "testa-och-lara");

        var to = await app.SendAs(admin, new SendTestDigestCommand("Mottagaren@example.org"));

        Assert.Equal(adminEmail, to);
        var test = Assert.Single(app.Mail(adminEmail), m => (m.Subject ?? "").StartsWith("[Test]", StringComparison.Ordinal));
        Assert.Equal("[Test] Lessons veckobrev: 1 ny erfarenhetsrapport", test.Subject);
        Assert.StartsWith("Det här är ett test av veckobrevet", test.TextBody, StringComparison.Ordinal);
        Assert.Contains("mottagaren@example.org", test.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rapporten i testbrevet", test.TextBody, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(test.HtmlBody!);
        Assert.StartsWith("Test: Det här är ett test av veckobrevet", html.Body!.FirstElementChild!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Rapporten i testbrevet", html.QuerySelector("h3 a")!.TextContent);
        Assert.Equal("digest-preview", test.Headers["X-Lessons-Test"]);
        Assert.DoesNotContain(app.Mail("mottagaren@example.org"), m => m.Subject!.Contains("veckobrev", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDb(db => db.DigestDeliveries.CountAsync()));
        Assert.Equal(0, await app.WithDb(db => db.DigestRuns.CountAsync()));

        // The subscriber's own digest is untouched by the test.
        await SendNowAsync(app);
        Assert.Contains("Rapporten i testbrevet", Assert.Single(DigestsTo(app, "mottagaren@example.org")).TextBody, StringComparison.Ordinal);
        var none = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(admin, new SendTestDigestCommand("okand@example.org")));
        Assert.Contains("okänd", none.Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Follows_saved_on_the_account_bring_a_member_the_members_only_reports_an_anonymous_subscriber_with_the_same_follow_never_gets(string database)
    {
        await using var app = await StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var member = await app.Member("Umeå kommun", name: "Läsaren");
        var memberEmail = await app.EmailOf(member);
        var follows = new FollowChoice { Principles = ["testa-och-lara"] };

        await app.SendAs(member, new SaveMyFollowsCommand(follows));
        await SubscribedAsync(app, "anonym@example.org", follows);
        await PublishedAsync(app, editor, "Bara för medlemmar: journalsystemet", "testa-och-lara", membersOnly: true);
        await SendNowAsync(app);

        var subscriber = await app.WithDb(db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Email == memberEmail));
        Assert.Equal(member.Id, subscriber.MemberId);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber.Status);
        Assert.DoesNotContain(app.Mail(memberEmail), m => m.Subject == "Bekräfta din prenumeration på Lessons");
        Assert.Contains("Bara för medlemmar: journalsystemet", Assert.Single(DigestsTo(app, memberEmail)).TextBody, StringComparison.Ordinal);
        Assert.Empty(DigestsTo(app, "anonym@example.org"));
        var mine = await app.SendAs(member, new GetMyFollowsQuery());
        Assert.Equal(["testa-och-lara"], mine.Subscription!.Follows.Select(f => f.Key));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_subscribing_their_own_address_is_linked_to_their_account_and_another_address_is_not(string database)
    {
        await using var app = await StartAsync(database);
        var member = await app.Member("Nacka kommun");
        var email = await app.EmailOf(member);
        var follows = new FollowChoice { Principles = ["testa-och-lara"] };

        await app.SendAs(member, new SubscribeCommand(email.ToUpperInvariant(), follows));
        await app.SendAs(member, new SubscribeCommand("nagon-annan@example.org", follows));

        Assert.Equal(member.Id, await app.WithDb(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.MemberId).SingleAsync()));
        Assert.Null(await app.WithDb(db => db.Subscribers.Where(s => s.Email == "nagon-annan@example.org").Select(s => s.MemberId).SingleAsync()));
    }

    [Fact]
    public async Task Saving_follows_on_the_account_needs_a_signed_in_member()
    {
        await using var app = await StartAsync(TestDatabases.Sqlite);

        await Assert.ThrowsAsync<SignInRequiredException>(() =>
            app.SendAs(Actor.Nobody, new SaveMyFollowsCommand(new FollowChoice { Principles = ["testa-och-lara"] })));
        Assert.Equal(0, await app.WithDb(db => db.Subscribers.CountAsync()));
    }
}
