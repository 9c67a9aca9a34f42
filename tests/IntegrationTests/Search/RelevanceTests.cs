using Lessons.Application.Reports.Commands;
using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Search;

public sealed class RelevanceTests
{
    [Fact]
    public async Task Relevance_on_the_judged_Swedish_queries_stays_above_the_floor()
    {
        await using var app = await TestApp.StartAsync(TestDatabases.Sqlite);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));

        var scores = await Relevance.RunAsync(app, Relevance.Development);

        TestContext.Current.TestOutputHelper?.WriteLine(Relevance.Report(scores));
        Assert.Equal(25, scores.Count);
        // The floor of the search issue: below 0.75 on either metric is a regression (the goal is 0.80 / 0.85).
        Assert.True(scores.Average(s => s.Ndcg) >= 0.75, Relevance.Report(scores));
        Assert.True(scores.Average(s => s.Recall) >= 0.75, Relevance.Report(scores));
    }

    [Fact]
    public async Task Relevance_on_held_out_queries_nobody_tuned_for()
    {
        await using var app = await TestApp.StartAsync(TestDatabases.Sqlite);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));

        var scores = await Relevance.RunAsync(app, Relevance.HeldOut);

        TestContext.Current.TestOutputHelper?.WriteLine(Relevance.Report(scores));
        Assert.Equal(25, scores.Count);
        // The same floor: quality must hold on queries the search was not tuned for.
        Assert.True(scores.Average(s => s.Ndcg) >= 0.75, Relevance.Report(scores));
        Assert.True(scores.Average(s => s.Recall) >= 0.75, Relevance.Report(scores));
    }
}
