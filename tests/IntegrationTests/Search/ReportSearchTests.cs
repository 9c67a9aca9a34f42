using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Infrastructure.Search;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.Extensions.Configuration;

namespace Lessons.IntegrationTests.Search;

/// <summary>The Lucene.Net index behind the search, on both databases.</summary>
public sealed class ReportSearchTests
{
    private static async Task<IReadOnlyList<string>> Titles(TestApp app, string text) =>
        [.. (await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = text })).Items.Select(h => h.Report.Title)];

    [Theory, ClassData(typeof(Databases))]
    public async Task Publishing_makes_a_report_searchable_in_any_inflection_and_withdrawing_removes_it(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Upphandlingen av trygghetslarm")));
        Assert.Empty(await Titles(app, "upphandling"));      // a draft is not searchable

        await app.SendAs(editor, new PublishReportCommand(id));
        foreach (var form in new[] { "upphandling", "upphandlingar", "UPPHANDLINGARNA", "trygghetslarmen" })
            Assert.Equal(["Upphandlingen av trygghetslarm"], await Titles(app, form));

        await app.SendAs(editor, new WithdrawReportCommand(id, null));
        Assert.Empty(await Titles(app, "upphandling"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_title_match_ranks_above_a_body_match_and_the_snippet_shows_the_matching_sentence(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var inBody = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Nattkameror i hemtjänsten") with
        {
            Result = "Vi lärde oss mycket. Kamerorna ersatte en del nattliga besök.",
        }));
        var inTitle = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Nattliga besök blev färre")));
        await app.SendAs(editor, new PublishReportCommand(inBody));
        await app.SendAs(editor, new PublishReportCommand(inTitle));

        var hits = (await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "nattliga besök" })).Items;

        Assert.Equal([inTitle, inBody], hits.Select(h => h.Report.Id));
        Assert.Contains("Kamerorna ersatte en del nattliga besök.", hits[1].Highlights);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_missing_or_stale_index_is_rebuilt_from_the_database(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));
        Assert.Equal(100, (await app.SendAs(Actor.Nobody, new SearchReportsQuery())).Total);

        // A node whose index directory is new or empty: the first search rebuilds it.
        await using var other = await app.WithIndexAt(TestDatabases.TempDirectory("index"));
        Assert.Equal(100, (await other.SendAs(Actor.Nobody, new SearchReportsQuery())).Total);
        Assert.NotEmpty(await Titles(other, "chattbot"));
    }

    [Fact]
    public void A_second_process_cannot_open_the_same_index_directory()
    {
        var path = TestDatabases.TempDirectory("index");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = path }).Build();
        using var first = new LuceneReportIndex(configuration);
        first.Open();
        using var second = new LuceneReportIndex(configuration);

        var error = Assert.Throws<InvalidOperationException>(second.Open);
        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Similar_reports_are_about_the_same_thing_and_come_from_other_organisations_first(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));
        var source = await app.SendAs(Actor.Nobody, new GetReportQuery("r001"));     // an AI chatbot in a contact centre

        var similar = await app.SendAs(Actor.Nobody, new FindSimilarReportsQuery("r001"));

        Assert.Equal(5, similar.Count);
        Assert.DoesNotContain(similar, r => r.Id == source.Id);
        Assert.Contains(similar.Take(3), r => r.Title.Contains("chatt", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(source.Organisation!.Id, similar[0].Organisation?.Id);
        await Assert.ThrowsAsync<Lessons.Application.Common.Errors.NotFoundException>(() =>
            app.SendAs(Actor.Nobody, new FindSimilarReportsQuery(Guid.NewGuid().ToString())));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_search_for_one_synonym_finds_reports_that_use_another_and_moderators_extend_the_list(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        foreach (var title in new[] { "Ett nytt kontaktcenter för invånarna", "Snöröjningen blev smartare med sensorer" })
            await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title)))));

        Assert.Equal(["Ett nytt kontaktcenter för invånarna"], await Titles(app, "kundtjänsten"));
        Assert.Empty(await Titles(app, "vinterväghållning"));

        await Assert.ThrowsAsync<Lessons.Application.Common.Errors.ForbiddenException>(() =>
            app.SendAs(editor, new Lessons.Application.Search.SaveSynonymGroupCommand(null, "snöröjning\nvinterväghållning")));
        await app.SendAs(await app.Moderator(), new Lessons.Application.Search.SaveSynonymGroupCommand(null, "snöröjning\nvinterväghållning"));

        Assert.Equal(["Snöröjningen blev smartare med sensorer"], await Titles(app, "vinterväghållning"));
    }
}
