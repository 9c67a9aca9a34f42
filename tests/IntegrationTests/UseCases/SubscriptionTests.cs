using System.Text.RegularExpressions;

using Lessons.Application.Common.Errors;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Application.Subscriptions.Queries;
using Lessons.Domain.Subscriptions;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

using MimeKit;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>Subscribing with double opt-in, managing follows and unsubscribing, with the tokens of the mails' links.</summary>
public sealed partial class SubscriptionTests
{
    private const string Site = "https://lessons.example.se";

    private static Task<TestApp> StartAsync(string database) =>
        TestApp.StartAsync(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = Site });

    private static FollowChoice Principle(string key) => new() { Principles = [key] };

    /// <summary>The token at the end of the link to <paramref name="path"/> in the newest mail to the address.</summary>
    private static string TokenIn(TestApp app, string email, string path)
    {
        var mail = app.Mail(email)[^1];
        var link = Assert.Single(Link().Matches(mail.TextBody!).Select(m => m.Value), l => l.StartsWith(Site + path, StringComparison.Ordinal));
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody!, StringComparison.Ordinal);
        return link[(Site + path).Length..];
    }

    private static Task<Subscriber> SubscriberAsync(TestApp app, string email) =>
        app.WithDb(db => db.Subscribers.AsNoTracking().Include(s => s.Follows).SingleAsync(s => s.Email == email));

    private static async Task<string> ConfirmedAsync(TestApp app, string email, FollowChoice follows)
    {
        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, follows));
        return await app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(TokenIn(app, email, "/prenumerera/bekrafta/")));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [Theory, ClassData(typeof(Databases))]
    public async Task A_subscription_counts_only_once_the_link_in_the_confirmation_mail_is_confirmed(string database)
    {
        await using var app = await StartAsync(database);
        const string email = "Anna.Andersson@Example.org";

        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, Principle("testa-och-lara")));

        var pending = await SubscriberAsync(app, "anna.andersson@example.org");
        Assert.Equal(SubscriberStatus.Pending, pending.Status);
        Assert.False(pending.ReceivesDigests);
        Assert.Null(pending.ConfirmedAt);
        var mail = Assert.Single(app.Mail(email));
        Assert.Equal("Bekräfta din prenumeration på Lessons", mail.Subject);

        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(TokenIn(app, email, "/prenumerera/bekrafta/")));

        var confirmed = await SubscriberAsync(app, "anna.andersson@example.org");
        Assert.Equal(SubscriberStatus.Confirmed, confirmed.Status);
        Assert.Equal(app.Clock.Now, confirmed.ConfirmedAt);
        Assert.Equal([(FollowKind.Principle, "testa-och-lara")], confirmed.Follows.Select(f => (f.Kind, f.Key)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Subscribing_a_confirmed_address_again_answers_the_same_and_only_mails_its_owner_a_manage_link(string database)
    {
        await using var app = await StartAsync(database);
        const string email = "bo@example.org";
        await ConfirmedAsync(app, email, Principle("testa-och-lara"));

        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, new FollowChoice { Challenges = ["finansiering"] }));

        var subscriber = await SubscriberAsync(app, email);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber.Status);
        Assert.Equal(["testa-och-lara"], subscriber.Follows.Select(f => f.Key));
        Assert.Equal("Du prenumererar redan på Lessons", app.Mail(email)[^1].Subject);
        var manage = TokenIn(app, email, "/prenumerera/hantera/");
        Assert.Equal(email, (await app.SendAs(Actor.Nobody, new GetSubscriptionQuery(manage))).Email);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_forged_token_or_one_made_for_another_purpose_is_refused(string database)
    {
        await using var app = await StartAsync(database);
        const string email = "cecilia@example.org";
        await app.SendAs(Actor.Nobody, new SubscribeCommand(email, Principle("testa-och-lara")));
        var confirm = TokenIn(app, email, "/prenumerera/bekrafta/");
        var forged = confirm[..^4] + (confirm[^4..] == "AAAA" ? "BBBB" : "AAAA");

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(forged)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(Guid.NewGuid().ToString())));
        // A confirmation token does not manage: the link in a confirmation mail cannot unsubscribe or read follows.
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new UnsubscribeCommand(confirm)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new GetSubscriptionQuery(confirm)));
        Assert.Equal(SubscriberStatus.Pending, (await SubscriberAsync(app, email)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_subscribers_follow_cannot_be_cancelled_with_my_token(string database)
    {
        await using var app = await StartAsync(database);
        var mine = await ConfirmedAsync(app, "dan@example.org", Principle("testa-och-lara"));
        await ConfirmedAsync(app, "eva@example.org", Principle("sprida-lardomar"));
        var hers = Assert.Single((await SubscriberAsync(app, "eva@example.org")).Follows);

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new UnsubscribeCommand(mine, hers.Id)));

        Assert.Single((await SubscriberAsync(app, "eva@example.org")).Follows);
        Assert.Single((await SubscriberAsync(app, "dan@example.org")).Follows);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unsubscribing_one_follow_keeps_the_others_and_unsubscribing_everything_stops_the_digest(string database)
    {
        await using var app = await StartAsync(database);
        const string email = "fia@example.org";
        var token = await ConfirmedAsync(app, email, new FollowChoice
        {
            Principles = ["testa-och-lara"],
            Queries = ["q=upphandling&outcome=misslyckades"],
        });
        var search = (await SubscriberAsync(app, email)).Follows.Single(f => f.Kind == FollowKind.Search);
        Assert.Equal("q=upphandling&outcome=misslyckades", search.Key);
        Assert.Equal(["misslyckades"], search.Search!.Outcomes);

        await app.SendAs(Actor.Nobody, new UnsubscribeCommand(token, search.Id));

        var after = await SubscriberAsync(app, email);
        Assert.Equal(["testa-och-lara"], after.Follows.Select(f => f.Key));
        Assert.True(after.ReceivesDigests);

        await app.SendAs(Actor.Nobody, new UnsubscribeCommand(token));

        var gone = await SubscriberAsync(app, email);
        Assert.Equal(SubscriberStatus.Unsubscribed, gone.Status);
        Assert.False(gone.ReceivesDigests);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_manage_link_replaces_the_follows(string database)
    {
        await using var app = await StartAsync(database);
        var lund = await app.OrganisationId("Lunds kommun");
        var token = await ConfirmedAsync(app, "gun@example.org", Principle("testa-och-lara"));

        await app.SendAs(Actor.Nobody, new UpdateFollowsCommand(token, new FollowChoice
        {
            Organisations = [lund.ToString()],
            OrganisationTypes = ["region"],
        }));

        var view = await app.SendAs(Actor.Nobody, new GetSubscriptionQuery(token));
        Assert.Equal(["Lunds kommun", "Region"], view.Follows.Select(f => f.Label).Order());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_follows_are_refused_naming_the_field_and_nothing_is_saved(string database)
    {
        await using var app = await StartAsync(database);

        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAs(Actor.Nobody,
            new SubscribeCommand("hans@example.org", new FollowChoice { Principles = ["inte-en-princip"], Organisations = [Guid.NewGuid().ToString()] })));
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAs(Actor.Nobody,
            new SubscribeCommand("inte en adress", new FollowChoice())));

        Assert.Contains("follows.principles", unknown.Errors.Keys);
        Assert.Contains("email", empty.Errors.Keys);
        Assert.Contains("follows", empty.Errors.Keys);
        Assert.False(await app.WithDb(db => db.Subscribers.AnyAsync()));
        Assert.Empty(app.Mail("hans@example.org"));
    }
}
