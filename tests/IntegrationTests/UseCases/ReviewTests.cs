using Lessons.Application.Common.Errors;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Domain;
using Lessons.Domain.Reports;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>
/// What readers may see of a published report while it changes: the moderator's check of anonymity and visibility,
/// revisions of anonymous reports, and the doors (contact, reuse, similar reports, spelling, export) that could give
/// a hidden organisation or a members-only report away. On both databases.
/// </summary>
public sealed class ReviewTests
{
    private static async Task<(Guid Id, Actor Author, Actor Editor)> PublishedAnonymousAsync(TestApp app, string title = "Anonymt om nattillsyn")
    {
        var author = await app.Member("Umeå kommun", name: "Anna Författare");
        var editor = await app.Member("Umeå kommun", editor: true, name: "Erik Redaktör");
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid(title, anonymous: true)));
        await app.SendAs(author, new SubmitForReviewCommand(id));
        await app.SendAs(await app.Moderator(), new PublishReportCommand(id));
        return (id, author, editor);
    }

    private static async Task<string> Outcome(Func<Task> act)
    {
        var error = await Record.ExceptionAsync(act);
        return error?.GetType().Name ?? "ok";
    }

    private static Task<ReportDetails> Read(TestApp app, Actor who, Guid id) => app.SendAs(who, new GetReportQuery(id.ToString()));

    [Theory, ClassData(typeof(Databases))]
    public async Task Turning_anonymity_off_publishing_and_turning_it_on_again_waits_for_a_moderator(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Först anonym", anonymous: true)));
        await app.SendAs(editor, new UpdateReportCommand(id, Drafts.Valid("Först anonym")));     // the author may lift it
        await app.SendAs(editor, new PublishReportCommand(id));

        await app.SendAs(editor, new UpdateReportCommand(id, Drafts.Valid("Först anonym", anonymous: true), "Anonym igen"));

        var read = await Read(app, Actor.Nobody, id);
        Assert.False(read.IsAnonymous);
        Assert.Equal(1, read.CurrentRevision);
        Assert.Equal(RevisionState.Pending, (await Read(app, editor, id)).PendingChange!.State);
        var moderator = await app.Moderator();
        Assert.Contains((await app.SendAs(moderator, new ListMyWorkQuery())).ChangesToReview, r => r.Id == id);

        await app.SendAs(moderator, new ApproveRevisionCommand(id));

        var approved = await Read(app, Actor.Nobody, id);
        Assert.True(approved.IsAnonymous);
        Assert.Null(approved.Organisation);
        Assert.Equal(2, approved.CurrentRevision);
        Assert.DoesNotContain((await app.SendAs(moderator, new ListMyWorkQuery())).ChangesToReview, r => r.Id == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_edit_of_a_published_anonymous_report_reaches_readers_and_search_only_after_a_moderator_approves_it(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (id, author, _) = await PublishedAnonymousAsync(app, "Nattkameror i hemtjänsten");

        await app.SendAs(author, new UpdateReportCommand(id, Drafts.Valid("Sensorer ersatte nattkamerorna", anonymous: true)));

        Assert.Equal("Nattkameror i hemtjänsten", (await Read(app, Actor.Nobody, id)).Content.Title);
        Assert.Empty((await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "sensorer" })).Items);
        Assert.Equal("Sensorer ersatte nattkamerorna", (await app.SendAs(author, new GetReportForEditQuery(id))).Input.Title);

        await app.SendAs(await app.Moderator(), new ApproveRevisionCommand(id));

        Assert.Equal("Sensorer ersatte nattkamerorna", (await Read(app, Actor.Nobody, id)).Content.Title);
        Assert.Contains((await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "sensorer" })).Items, h => h.Report.Id == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_change_of_visibility_of_a_published_report_waits_for_a_moderator(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Region Skåne", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Öppet om upphandling")));
        await app.SendAs(editor, new PublishReportCommand(id));

        await app.SendAs(editor, new UpdateReportCommand(id, Drafts.Valid("Öppet om upphandling", membersOnly: true)));
        Assert.Equal(Visibility.Public, (await Read(app, Actor.Nobody, id)).Visibility);

        await app.SendAs(await app.Moderator(), new ApproveRevisionCommand(id));
        await Assert.ThrowsAsync<NotFoundException>(() => Read(app, Actor.Nobody, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_the_author_or_a_moderator_may_lift_anonymity(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var editor = await app.Member("Umeå kommun", editor: true);
        var moderator = await app.Moderator();
        foreach (var (who, actor, may) in new[] { ("author", author, true), ("editor", editor, false), ("moderator", moderator, true) })
        {
            var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid(anonymous: true)));
            var attempt = await Record.ExceptionAsync(() => app.SendAs(actor, new UpdateReportCommand(id, Drafts.Valid())));
            Assert.True(may ? attempt is null : attempt is ValidationFailedException v && v.Errors.ContainsKey("Input.Anonymous"),
                $"{who}: {attempt?.GetType().Name ?? "lifted it"}");
            Assert.Equal(!may, (await Read(app, author, id)).IsAnonymous);
        }

        var (published, _, colleague) = await PublishedAnonymousAsync(app);
        await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAs(colleague, new UpdateReportCommand(published, Drafts.Valid())));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Who_may_change_moderate_withdraw_redact_and_read_revisions_of_a_published_anonymous_report(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var moderator = await app.Moderator();
        var matrix = new Dictionary<string, (Func<Actor, Actor, Task<Actor>> Who, string Revise, string Moderate, string Withdraw, string ReadRevision, string Redact)>
        {
            ["author"] = ((author, _) => Task.FromResult(author), "pending", "ForbiddenException", "ok", "ok", "ForbiddenException"),
            ["editor of the organisation"] = ((_, editor) => Task.FromResult(editor), "pending", "ForbiddenException", "ok", "ok", "ForbiddenException"),
            ["moderator"] = ((_, _) => Task.FromResult(moderator), "live", "ok", "ok", "ok", "ok"),
            ["member of the same organisation"] = (async (_, _) => await app.Member("Umeå kommun"), "ForbiddenException", "ForbiddenException", "ForbiddenException", "NotFoundException", "ForbiddenException"),
            ["editor of another organisation"] = (async (_, _) => await app.Member("Nacka kommun", editor: true), "ForbiddenException", "ForbiddenException", "ForbiddenException", "NotFoundException", "ForbiddenException"),
            ["visitor"] = ((_, _) => Task.FromResult(Actor.Nobody), "SignInRequiredException", "SignInRequiredException", "SignInRequiredException", "NotFoundException", "SignInRequiredException"),
        };
        foreach (var (who, (pick, revise, moderate, withdraw, readRevision, redact)) in matrix)
        {
            var (id, author, editor) = await PublishedAnonymousAsync(app, "Version ett");
            var actor = await pick(author, editor);

            var revised = await Outcome(() => app.SendAs(actor, new UpdateReportCommand(id, Drafts.Valid("Version två", anonymous: true))));
            var title = (await Read(app, Actor.Nobody, id)).Content.Title;
            Assert.True(revise == (revised == "ok" ? (title == "Version två" ? "live" : "pending") : revised), $"{who} revising: {revised}, readers see {title}");

            await app.SendAs(author, new UpdateReportCommand(id, Drafts.Valid("Version tre", anonymous: true)));
            Assert.True(moderate == await Outcome(() => app.SendAs(actor, new ReturnToDraftCommand(id, "Nämn inte kommunen."))), $"{who} returning a change");
            Assert.True(moderate == await Outcome(() => app.SendAs(actor, new ApproveRevisionCommand(id))) || moderate == "ok", $"{who} approving a change");

            await app.SendAs(author, new UpdateReportCommand(id, Drafts.Valid("Version fyra", anonymous: true)));
            await app.SendAs(moderator, new ApproveRevisionCommand(id));
            Assert.True(readRevision == await Outcome(() => app.SendAs(actor, new GetReportRevisionQuery(id, 1))), $"{who} reading revision 1");
            var listed = (await Read(app, actor, id)).Revisions.Count;
            Assert.True(readRevision == "ok" ? listed > 1 : listed == 0, $"{who} sees {listed} revisions listed");
            Assert.True(redact == await Outcome(() => app.SendAs(actor, new RedactRevisionCommand(id, 1))), $"{who} redacting");
            Assert.True(withdraw == await Outcome(() => app.SendAs(actor, new WithdrawReportCommand(id, null))), $"{who} withdrawing");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_moderator_returns_a_waiting_change_with_a_comment_and_readers_keep_the_current_version(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (id, author, _) = await PublishedAnonymousAsync(app, "Nattkameror i hemtjänsten");
        await app.SendAs(author, new UpdateReportCommand(id, Drafts.Valid("Umeås nattkameror", anonymous: true)));
        var moderator = await app.Moderator();

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAs(moderator, new ReturnToDraftCommand(id, " ")));
        Assert.Contains("Comment", empty.Errors.Keys);
        await app.SendAs(moderator, new ReturnToDraftCommand(id, "Rubriken namnger kommunen."));

        var mine = await Read(app, author, id);
        Assert.Equal("Rubriken namnger kommunen.", mine.ReturnComment);
        Assert.Equal(RevisionState.Returned, mine.PendingChange!.State);
        Assert.Equal("Nattkameror i hemtjänsten", (await Read(app, Actor.Nobody, id)).Content.Title);
        Assert.Null((await Read(app, Actor.Nobody, id)).ReturnComment);
        Assert.DoesNotContain((await app.SendAs(moderator, new ListMyWorkQuery())).ChangesToReview, r => r.Id == id);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(moderator, new ApproveRevisionCommand(id)));

        await app.SendAs(author, new UpdateReportCommand(id, Drafts.Valid("Nattkameror, ett år senare", anonymous: true)));
        await app.SendAs(moderator, new ApproveRevisionCommand(id));
        Assert.Equal("Nattkameror, ett år senare", (await Read(app, Actor.Nobody, id)).Content.Title);
        Assert.Null((await Read(app, author, id)).ReturnComment);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_moderator_redacts_an_earlier_revision_so_that_its_text_is_gone(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (id, author, editor) = await PublishedAnonymousAsync(app, "Nattkameror i hemtjänsten");
        var moderator = await app.Moderator();
        await app.SendAs(moderator, new UpdateReportCommand(id, Drafts.Valid("Nattkameror i Umeås hemtjänst", anonymous: true)));
        await app.SendAs(moderator, new UpdateReportCommand(id, Drafts.Valid("Nattkameror i hemtjänsten", anonymous: true), "Tog bort ortnamnet"));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(editor, new RedactRevisionCommand(id, 2)));
        await app.SendAs(moderator, new RedactRevisionCommand(id, 2));

        var redacted = await app.SendAs(author, new GetReportRevisionQuery(id, 2));
        Assert.True(redacted.Redacted);
        Assert.DoesNotContain("Umeå", redacted.Content.Title, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.ReportRevisions.AnyAsync(v => v.ReportId == id && v.Content.Title.Contains("Umeå"))));
        Assert.Contains((await Read(app, editor, id)).Revisions, v => v.Number == 2 && v.Redacted);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(moderator, new RedactRevisionCommand(id, 3)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Readers_of_an_anonymous_report_see_neither_its_contact_nor_its_co_organisations(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Anonymt samarbete", anonymous: true)
            with { CoOrganisations = ["Region Västerbotten"], ContactEmail = "kim@umea.se" }));
        await app.SendAs(await app.Moderator(), new PublishReportCommand(id));

        foreach (var reader in new[] { Actor.Nobody, await app.Member("Nacka kommun"), await app.Member("Umeå kommun") })
        {
            var read = await Read(app, reader, id);
            Assert.Equal((null, null), (read.Content.ContactName, read.Content.ContactEmail));
            Assert.Empty(read.CoOrganisations);
            Assert.Empty(read.Content.CoOrganisationIds);
        }
        var own = await Read(app, author, id);
        Assert.Equal("kim@umea.se", own.Content.ContactEmail);
        Assert.Equal(["Region Västerbotten"], own.CoOrganisations);
        var exported = (await app.Send(new ExportReportsQuery())).Single(r => r.Title == "Anonymt samarbete");
        Assert.Equal((null, null, null), (exported.ContactEmail, exported.ContactName, exported.CoOrganisations));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Members_of_the_owning_organisation_cannot_mark_its_report_reused(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (id, _, _) = await PublishedAnonymousAsync(app);
        var colleague = await app.Member("Umeå kommun", name: "Kollega Umeå");

        Assert.False((await Read(app, colleague, id)).Actions.MarkReused);
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(colleague, new MarkReusedCommand(id, "Vi gjorde samma.")));
        await app.SendAs(await app.Member("Nacka kommun"), new MarkReusedCommand(id, "Vi gjorde samma."));

        var reuse = Assert.Single((await Read(app, Actor.Nobody, id)).Reuses);
        Assert.Equal("Nacka kommun", reuse.OrganisationName);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Similar_reports_of_an_anonymous_report_never_list_the_hidden_organisations_own_reports(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var umea = await app.Member("Umeå kommun", editor: true);
        var nacka = await app.Member("Nacka kommun", editor: true);
        foreach (var (editor, title) in new[] { (umea, "Digitala lås i Umeå"), (umea, "Nattkameror i Umeå"), (nacka, "Digitala lås i Nacka") })
            await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title)))));
        var (id, _, _) = await PublishedAnonymousAsync(app, "Digitala lås, anonymt");

        foreach (var reader in new[] { Actor.Nobody, await app.Member("Lunds kommun") })
        {
            var similar = await app.SendAs(reader, new FindSimilarReportsQuery(id.ToString()));
            Assert.Equal(["Digitala lås i Nacka"], similar.Select(r => r.Title));
        }
        Assert.Equal(3, (await app.SendAs(umea, new FindSimilarReportsQuery(id.ToString()))).Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Did_you_mean_offers_a_visitor_only_words_from_reports_the_visitor_may_read(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Region Skåne", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Nattugglan i hemtjänsten", membersOnly: true)));
        await app.SendAs(editor, new PublishReportCommand(id));
        await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Öppen rapport")))));

        foreach (var (who, actor, suggestion) in new[]
        {
            ("visitor", Actor.Nobody, (string?)null),
            ("member without organisation", await app.Confirmed(), null),
            ("member", await app.Member("Nacka kommun"), "nattugglan"),
        })
        {
            var page = await app.SendAs(actor, new SearchReportsQuery { Text = "nattuglan" });
            Assert.True(suggestion == page.Suggestion, $"{who} was offered {page.Suggestion ?? "nothing"}");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_export_holds_only_public_reports_unless_members_only_ones_are_asked_for(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Region Skåne", editor: true);
        foreach (var (title, membersOnly) in new[] { ("Offentlig", false), ("Bara för medlemmar", true) })
            await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title, membersOnly: membersOnly)))));

        Assert.Equal(["Offentlig"], (await app.Send(new ExportReportsQuery())).Select(r => r.Title));
        Assert.Equal(["Bara för medlemmar", "Offentlig"], (await app.Send(new ExportReportsQuery(IncludeMembersOnly: true))).Select(r => r.Title).Order());
    }
}
