using Lessons.Application.Reports.Commands;
using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Search;

public sealed class RelevanceTests
{
    /// <summary>The development queries were tuned on; the held-out ones never were, and must score as well.</summary>
    [Theory, InlineData(Relevance.Development), InlineData(Relevance.HeldOut)]
    public async Task Relevance_on_the_judged_Swedish_queries_stays_above_the_floor(string set)
    {
        await using var app = await TestApp.StartAsync(TestDatabases.Sqlite);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));

        var scores = await Relevance.RunAsync(app, set);

        TestContext.Current.TestOutputHelper?.WriteLine(Relevance.Report(scores));
        Assert.Equal(25, scores.Count);
        // The floor of the search issue: below 0.80 on either metric is a regression (the goal is 0.85 on unseen queries).
        Assert.True(scores.Average(s => s.Ndcg) >= 0.80, Relevance.Report(scores));
        Assert.True(scores.Average(s => s.Recall) >= 0.80, Relevance.Report(scores));
    }

    /// <summary>
    /// The third set is never tuned on and has no floor: it is the estimate of how the search does on words nobody
    /// tuned for. Only totals and tags are printed (never its single queries), so that it stays unseen.
    /// </summary>
    [Fact]
    public async Task Relevance_on_the_third_set_is_reported_without_its_single_queries()
    {
        await using var app = await TestApp.StartAsync(TestDatabases.Sqlite);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));

        var scores = await Relevance.RunAsync(app, Relevance.Third);

        var report = Relevance.Report(scores, perQuery: false);
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.Equal(25, scores.Count);
        Assert.All(scores, s => Assert.InRange(s.Ndcg, 0, 1));
        Assert.DoesNotContain(scores[0].Text, report);
    }
}
