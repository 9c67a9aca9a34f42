using Lessons.Application.Common.Errors;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Domain;
using Lessons.Domain.Reports;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>Draft → review → published → revisions → withdrawn, and who may do what, on both databases.</summary>
public sealed class PublishingTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Publishing_a_reviewed_draft_makes_it_readable_by_everyone(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Digitala lås i hemtjänsten")));

        await app.SendAs(author, new SubmitForReviewCommand(id));
        var work = await app.SendAs(editor, new ListMyWorkQuery());
        Assert.Contains(work.ToReview, r => r.Id == id);
        await app.SendAs(editor, new PublishReportCommand(id));

        var read = await app.SendAs(Actor.Nobody, new GetReportQuery(id.ToString()));
        Assert.Equal(ReportStatus.Published, read.Status);
        Assert.Equal("Umeå kommun", read.Organisation!.Name);
        Assert.Contains(await app.SendAs(Actor.Nobody, new ListLatestReportsQuery()), r => r.Id == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_draft_is_seen_only_by_its_author_the_organisations_editors_and_moderators(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid()));

        var mayRead = new Dictionary<string, (Actor Who, bool Sees)>
        {
            ["author"] = (author, true),
            ["editor of the organisation"] = (await app.Member("Umeå kommun", editor: true), true),
            ["moderator"] = (await app.Moderator(), true),
            ["member of the same organisation"] = (await app.Member("Umeå kommun"), false),
            ["editor of another organisation"] = (await app.Member("Nacka kommun", editor: true), false),
            ["member without organisation"] = (await app.Confirmed(), false),
            ["visitor"] = (Actor.Nobody, false),
        };
        foreach (var (who, (actor, sees)) in mayRead)
        {
            var attempt = await Record.ExceptionAsync(() => app.SendAs(actor, new GetReportQuery(id.ToString())));
            Assert.True(sees ? attempt is null : attempt is NotFoundException, $"{who}: {attempt?.GetType().Name ?? "saw the draft"}");
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_organisations_editor_can_neither_change_nor_publish_a_draft(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Original")));
        var stranger = await app.Member("Nacka kommun", editor: true);

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(stranger, new UpdateReportCommand(id, Drafts.Valid("Kapad"))));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(stranger, new PublishReportCommand(id)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(stranger, new WithdrawReportCommand(id, null)));

        var read = await app.SendAs(author, new GetReportQuery(id.ToString()));
        Assert.Equal("Original", read.Content.Title);
        Assert.Equal(ReportStatus.Draft, read.Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Authors_and_plain_members_cannot_publish(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid()));
        await app.SendAs(author, new SubmitForReviewCommand(id));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(author, new PublishReportCommand(id)));
        await Assert.ThrowsAsync<SignInRequiredException>(() => app.SendAs(Actor.Nobody, new PublishReportCommand(id)));
        Assert.Equal(ReportStatus.InReview, (await app.SendAs(author, new GetReportQuery(id.ToString()))).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_withdrawn_report_cannot_be_published_and_says_why(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid()));
        await app.SendAs(editor, new PublishReportCommand(id));
        await app.SendAs(editor, new WithdrawReportCommand(id, "Uppgifterna stämde inte"));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(editor, new PublishReportCommand(id)));
        Assert.Contains("tillbakadragen", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new GetReportQuery(id.ToString())));
        Assert.Equal("Uppgifterna stämde inte", (await app.SendAs(editor, new GetReportQuery(id.ToString()))).WithdrawalReason);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Editing_a_published_report_keeps_every_earlier_revision_readable(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Första versionen")));
        await app.SendAs(editor, new PublishReportCommand(id));
        app.Clock.Advance(TimeSpan.FromDays(30));

        await app.SendAs(editor, new UpdateReportCommand(id, Drafts.Valid("Andra versionen")));

        var current = await app.SendAs(Actor.Nobody, new GetReportQuery(id.ToString()));
        Assert.Equal("Andra versionen", current.Content.Title);
        Assert.Equal(2, current.CurrentRevision);
        Assert.Equal([2, 1], current.Revisions.Select(r => r.Number));
        var first = await app.SendAs(Actor.Nobody, new GetReportRevisionQuery(id, 1));
        Assert.Equal("Första versionen", first.Content.Title);
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new GetReportRevisionQuery(id, 3)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_anonymous_report_never_shows_its_organisation_to_readers(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Anonymt misslyckande", anonymous: true)));

        // Editors would give their organisation away if they published it themselves; a moderator checks and publishes.
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(editor, new PublishReportCommand(id)));
        await app.SendAs(await app.Moderator(), new PublishReportCommand(id));

        var reader = await app.Member("Nacka kommun");
        foreach (var who in new[] { Actor.Nobody, reader })
        {
            Assert.Null((await app.SendAs(who, new GetReportQuery(id.ToString()))).Organisation);
            var hit = (await app.SendAs(who, new SearchReportsQuery { Text = "Anonymt" })).Items.Single(h => h.Report.Id == id);
            Assert.Null(hit.Report.Organisation);
            var filtered = await app.SendAs(who, new SearchReportsQuery { Organisations = ["Umeå kommun"] });
            Assert.DoesNotContain(filtered.Items, h => h.Report.Id == id);
        }
        Assert.Equal("Umeå kommun", (await app.SendAs(editor, new GetReportQuery(id.ToString()))).Organisation!.Name);
        var exported = (await app.Send(new ExportReportsQuery())).Single(r => r.Title == "Anonymt misslyckande");
        Assert.Null(exported.Organisation);
        Assert.True(exported.Anonymous);
        var organisationPage = await app.SendAs(Actor.Nobody, new Application.Organisations.Queries.GetOrganisationQuery(await app.OrganisationId("Umeå kommun")));
        Assert.DoesNotContain(organisationPage.Reports, r => r.Id == id);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_members_only_report_is_hidden_from_visitors_and_shown_to_members(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Region Skåne", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Internt om upphandling", membersOnly: true)));
        await app.SendAs(editor, new PublishReportCommand(id));

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Actor.Nobody, new GetReportQuery(id.ToString())));
        Assert.DoesNotContain((await app.SendAs(Actor.Nobody, new SearchReportsQuery())).Items, h => h.Report.Id == id);
        Assert.DoesNotContain((await app.SendAs(await app.Confirmed(), new ListLatestReportsQuery())), r => r.Id == id);
        var member = await app.Member("Nacka kommun");
        Assert.Equal("Internt om upphandling", (await app.SendAs(member, new GetReportQuery(id.ToString()))).Content.Title);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Marking_reuse_shows_who_reused_the_report(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid()));
        await app.SendAs(editor, new PublishReportCommand(id));
        var reader = await app.Member("Nacka kommun", name: "Nina Nackabo");

        await app.SendAs(reader, new MarkReusedCommand(id, "Vi införde samma lås 2025."));

        var reuse = Assert.Single((await app.SendAs(Actor.Nobody, new GetReportQuery(id.ToString()))).Reuses);
        Assert.Equal(("Nina Nackabo", "Nacka kommun", "Vi införde samma lås 2025."), (reuse.MemberName, reuse.OrganisationName, reuse.Note));
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAs(reader, new MarkReusedCommand(id, "Igen")));
        await Assert.ThrowsAsync<SignInRequiredException>(() => app.SendAs(Actor.Nobody, new MarkReusedCommand(id, "Anonym")));
        var another = await app.Member("Lunds kommun");
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAs(another, new MarkReusedCommand(id, " ")));
        Assert.Contains("Note", empty.Errors.Keys);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_field_of_a_report_survives_saving_and_reading(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var input = Drafts.Valid() with { CoOrganisations = ["Region Västerbotten", "Skellefteå kommun"] };

        var id = await app.SendAs(author, new CreateDraftCommand(input));
        var saved = await app.SendAs(author, new GetReportForEditQuery(id));

        Assert.Equivalent(input, saved.Input, strict: true);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Invalid_input_names_each_field_and_saves_nothing(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var author = await app.Member("Umeå kommun");
        var bad = Drafts.Valid() with
        {
            Title = "",
            Outcome = "kanske",
            YearStarted = 1800,
            Links = [new("Klicka", "javascript:alert(1)")],
            Effects = [new("okad-kvalitet", "Bättre", 3, null)],
            Lessons = "",
            CoOrganisations = ["Påhittade kommunen"],
        };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.SendAs(author, new CreateDraftCommand(bad)));

        Assert.Superset(new HashSet<string> { "Input.Title", "Input.Outcome", "Input.YearStarted", "Input.Links[0].Url", "Input.Effects[0].Unit", "Input.Lessons" },
            error.Errors.Keys.ToHashSet());
        Assert.Equal(0, await app.WithDb(db => Task.FromResult(db.Reports.Count())));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.SendAs(author, new CreateDraftCommand(Drafts.Valid() with { CoOrganisations = ["Påhittade kommunen"] })));
        Assert.Contains("Påhittade kommunen", unknown.Errors["Input.CoOrganisations"][0], StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_change_to_a_report_writes_a_search_outbox_row_in_the_same_save(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid()));
        await app.SendAs(editor, new PublishReportCommand(id));
        await app.SendAs(editor, new UpdateReportCommand(id, Drafts.Valid("Ny rubrik")));
        await app.SendAs(editor, new WithdrawReportCommand(id, null));
        var failed = await Record.ExceptionAsync(() => app.SendAs(editor, new PublishReportCommand(id)));

        var changes = await app.WithDb(db => db.SearchChanges.Where(c => c.ReportId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.NotNull(failed);
        Assert.Equal(4, changes.Count);     // create, publish, revise, withdraw; the refused publish wrote nothing
        Assert.Equal(changes.Select(c => c.Id).Order(), changes.Select(c => c.Id));
    }
}
