using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lessons.IntegrationTests.Search;

/// <summary>The readiness of a node's index: open, and found caught up with the outbox by a pass within the limit.</summary>
public sealed class SearchIndexHealthTests
{
    private static async Task<HealthReportEntry> Check(TestApp app) =>
        await app.InScope(async sp => (await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "search-index")).Entries["search-index"]);

    [Theory, ClassData(typeof(Databases))]
    public async Task The_index_is_ready_once_open_and_not_when_no_pass_has_found_it_current_within_the_limit(string database)
    {
        // The background indexer is not started: the test applies the outbox itself, so the clock decides the lag.
        await using var app = await TestApp.StartAsync(database, new Dictionary<string, string?> { ["Health:SearchMaxLagSeconds"] = "30" }, indexing: false);
        var editor = await app.Member("Umeå kommun", editor: true);
        await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Digitala lås i hemtjänsten")))));

        Assert.Equal(HealthStatus.Unhealthy, (await Check(app)).Status);       // nothing has opened the index yet

        await app.Indexer.CatchUpAsync(CancellationToken.None);                 // opens the index and applies the outbox
        var found = await app.Send(new SearchReportsQuery());
        var current = await Check(app);
        Assert.Equal(HealthStatus.Healthy, current.Status);
        Assert.Equal(found.Total, current.Data["documents"]);
        Assert.Equal(0L, current.Data["pendingChanges"]);

        await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Nattkameror i äldreboendet")))));
        app.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HealthStatus.Healthy, (await Check(app)).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var behind = await Check(app);
        Assert.Equal(HealthStatus.Unhealthy, behind.Status);
        Assert.True((double)behind.Data["lagSeconds"] > 30);

        await app.Indexer.CatchUpAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await Check(app)).Status);
    }
}
