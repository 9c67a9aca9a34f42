using Lessons.Application.Common.Ports;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>Markdown is rendered once, when a report or a revision is saved; reading shows the stored HTML.</summary>
public sealed class RenderedSectionsTests
{
    private const string Hostile = "**Fråga brukarna** först.\n\n<script>alert('x')</script>\n\n[klicka](javascript:alert(1)) och [läs](https://example.org)";

    private static async Task<(Actor Editor, Guid Id)> PublishedAsync(TestApp app, string lessons = Hostile)
    {
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid() with { Lessons = lessons, Background = "Ett *stycke*." }));
        await app.SendAs(editor, new PublishReportCommand(id));
        return (editor, id);
    }

    private static Task<SectionsHtml?> StoredAsync(TestApp app, Guid id) => app.WithDb(db => db.Reports.Where(r => r.Id == id)
        .Select(r => SectionsHtml.From(EF.Property<string?>(r, SectionsHtml.BackgroundColumn), EF.Property<string?>(r, SectionsHtml.WhatWeDidColumn),
            EF.Property<string?>(r, SectionsHtml.ResultColumn), EF.Property<string?>(r, SectionsHtml.LessonsColumn),
            EF.Property<string?>(r, SectionsHtml.RecommendationsColumn)))
        .SingleAsync());

    private static Task<string?> StoredRevisionLessonsAsync(TestApp app, Guid id, int number) => app.WithDb(db => db.ReportRevisions
        .Where(v => v.ReportId == id && v.Number == number).Select(v => EF.Property<string?>(v, SectionsHtml.LessonsColumn)).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Saving_a_report_stores_the_html_the_renderer_makes_with_script_removed(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (_, id) = await PublishedAsync(app);
        var markdown = await app.InScope(sp => Task.FromResult(sp.GetRequiredService<IMarkdownRenderer>()));

        var stored = await StoredAsync(app, id);

        Assert.NotNull(stored);
        Assert.Equal(markdown.ToSafeHtml(Hostile), stored.Lessons);
        Assert.Equal(markdown.ToSafeHtml("Ett *stycke*."), stored.Background);
        Assert.Contains("<strong>Fråga brukarna</strong>", stored.Lessons, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", stored.Lessons, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", stored.Lessons, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored.Lessons, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(stored.Lessons, await StoredRevisionLessonsAsync(app, id, 1));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_revision_stores_its_own_html_and_the_earlier_keeps_its_own(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (editor, id) = await PublishedAsync(app, "Första *versionen*.");

        await app.SendAs(editor, new UpdateReportCommand(id, Drafts.Valid() with { Lessons = "Andra **versionen**." }));

        Assert.Equal("<p>Andra <strong>versionen</strong>.</p>\n", (await StoredAsync(app, id))!.Lessons);
        Assert.Equal("<p>Andra <strong>versionen</strong>.</p>\n", await StoredRevisionLessonsAsync(app, id, 2));
        Assert.Equal("<p>Första <em>versionen</em>.</p>\n", await StoredRevisionLessonsAsync(app, id, 1));
        var earlier = await app.SendAs(Actor.Nobody, new GetReportRevisionQuery(id, 1));
        Assert.Equal("<p>Första <em>versionen</em>.</p>\n", earlier.Html.Lessons);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reading_a_report_shows_the_stored_html_without_rendering_it_again(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (_, id) = await PublishedAsync(app);
        // Only a read that uses the stored column can show what the renderer would never make from this Markdown.
        await app.WithDb(db => db.Reports.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => EF.Property<string?>(r, SectionsHtml.LessonsColumn), "<p>lagrad</p>")));

        var read = await app.SendAs(Actor.Nobody, new GetReportQuery(id.ToString()));

        Assert.Equal("<p>lagrad</p>", read.Html.Lessons);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_saved_before_html_was_stored_is_rendered_on_its_first_read_and_kept(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var (_, id) = await PublishedAsync(app);
        var markdown = await app.InScope(sp => Task.FromResult(sp.GetRequiredService<IMarkdownRenderer>()));
        // As the RenderedSections migration leaves every existing row: the columns there, and empty.
        await app.WithDb(db => db.Reports.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => EF.Property<string?>(r, SectionsHtml.BackgroundColumn), (string?)null)
            .SetProperty(r => EF.Property<string?>(r, SectionsHtml.LessonsColumn), (string?)null)));
        await app.WithDb(db => db.ReportRevisions.Where(v => v.ReportId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => EF.Property<string?>(v, SectionsHtml.LessonsColumn), (string?)null)));
        Assert.Null(await StoredAsync(app, id));

        var read = await app.SendAs(Actor.Nobody, new GetReportQuery(id.ToString()));
        var revision = await app.SendAs(Actor.Nobody, new GetReportRevisionQuery(id, 1));

        Assert.Equal(markdown.ToSafeHtml(Hostile), read.Html.Lessons);
        Assert.Equal(markdown.ToSafeHtml("Ett *stycke*."), read.Html.Background);
        Assert.Equal(markdown.ToSafeHtml(Hostile), revision.Html.Lessons);
        Assert.Equal(read.Html, await StoredAsync(app, id));
        Assert.Equal(markdown.ToSafeHtml(Hostile), await StoredRevisionLessonsAsync(app, id, 1));
    }
}
