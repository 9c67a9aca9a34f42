using System.Net.Http.Json;

using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Infrastructure.Search;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.Extensions.Configuration;

namespace Lessons.IntegrationTests.Search;

/// <summary>The index's lifecycle on a node: opened, rebuilt and caught up in the background, never half-committed.</summary>
public sealed class SearchIndexLifecycleTests
{
    private static Task<SearchPage> Everything(TestApp app) => app.SendAs(Actor.Nobody, new SearchReportsQuery());

    private static IndexedReport Stray() => new(Guid.NewGuid(), "Halvbyggd", "Halvbyggd", "Halvbyggd", null, null, null,
        "lyckades", "genomfort", [], [], 2024, 0, false);

    [Theory, ClassData(typeof(Databases))]
    public async Task A_search_on_a_node_without_an_index_answers_at_once_and_leaves_the_rebuild_to_the_background(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));
        await using var node = await app.WithIndexAt(TestDatabases.TempDirectory("index"), indexing: false);

        var first = await Everything(node);

        Assert.Equal(0, first.Total);                   // what the index has: nothing yet, and no rebuild inside the request
        Assert.Null(node.Indexer.Status.AppliedChange);
        await node.StartIndexingAsync();
        Assert.Equal(100, (await Everything(node)).Total);
        Assert.Equal(100, node.Indexer.Status.Documents);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_node_restarted_on_its_index_catches_up_at_once_without_waiting_the_start_delay(string database)
    {
        string connection, path;
        await using (var before = await TestApp.StartAsync(database))
        {
            var editor = await before.Member("Umeå kommun", editor: true);
            await before.SendAs(editor, new PublishReportCommand(await before.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Före omstarten")))));
            await before.Indexer.CatchUpAsync(default);
            await before.IndexMaintenance.StopAsync(default);
            // Saved while the node is down: it must come from the outbox at the restart.
            await before.SendAs(editor, new PublishReportCommand(await before.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Medan noden var nere")))));
            (connection, path) = (before.ConnectionString, before.IndexPath);
        }

        await using var restarted = await TestApp.StartAsync(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Lessons"] = connection, ["Search:IndexPath"] = path, ["Search:StartDelaySeconds"] = "600",
        }, indexing: false);
        await restarted.IndexMaintenance.StartAsync(default);
        await restarted.Indexer.Ready.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, (await Everything(restarted)).Total);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_rebuild_given_up_half_way_leaves_the_previous_index_to_searches_and_to_the_next_change(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));
        Assert.Equal(100, (await Everything(app)).Total);
        await app.IndexMaintenance.StopAsync(default);
        var applied = app.Index.AppliedChange;

        app.Index.BeginRebuild();
        app.Index.Add([Stray()]);
        Assert.Equal(100, (await Everything(app)).Total);       // searches read the last commit while a rebuild runs
        app.Index.AbandonRebuild();

        Assert.Equal(applied, app.Index.AppliedChange);        // where it had come: the next pass continues from there
        var editor = await app.Member("Umeå kommun", editor: true);
        await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Ännu en rapport")))));
        await app.Indexer.CatchUpAsync(default);

        var page = await Everything(app);
        Assert.Equal(101, page.Total);                          // the deletion and the stray document were never committed
        Assert.DoesNotContain(page.Items, h => h.Report.Title == "Halvbyggd");
    }

    [Fact]
    public async Task A_shutdown_during_a_rebuild_keeps_the_previous_index_on_disk_and_where_it_had_come()
    {
        long applied;
        string path;
        await using (var app = await TestApp.StartAsync(TestDatabases.Sqlite))
        {
            await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));
            await app.Indexer.CatchUpAsync(default);
            applied = app.Indexer.Status.AppliedChange!.Value;
            path = app.IndexPath;
            await app.IndexMaintenance.StopAsync(default);

            app.Index.BeginRebuild();
            app.Index.Add([Stray()]);
        }       // the node stops with the rebuild unfinished

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = path }).Build();
        using var reopened = new LuceneReportIndex(configuration);
        reopened.Open();
        Assert.Equal(applied, reopened.AppliedChange);
        Assert.Equal(100, reopened.DocumentCount);
    }

    [Fact]
    public async Task A_report_published_through_one_node_is_found_through_another_within_two_seconds()
    {
        await using var nodeA = await TestApp.StartAsync(TestDatabases.Postgres);
        await using var nodeB = await LessonsApp.StartAsync(TestDatabases.Postgres,
            new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = nodeA.ConnectionString });
        var onB = nodeB.Browser();
        Assert.Equal(0, (await onB.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/reports?q=nattfjärilar")).GetProperty("total").GetInt32());
        var editor = await nodeA.Member("Umeå kommun", editor: true);
        var id = await nodeA.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Nattfjärilar räknades med kameror")));

        await nodeA.SendAs(editor, new PublishReportCommand(id));
        var published = System.Diagnostics.Stopwatch.StartNew();
        var found = false;
        while (!found && published.Elapsed < TimeSpan.FromSeconds(2))
        {
            var json = await onB.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/reports?q=nattfjärilar");
            found = json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);
            if (!found) await Task.Delay(100);
        }

        Assert.True(found, $"node B did not find the report within 2 s (looked for {published.Elapsed.TotalSeconds:F1} s)");
    }
}
