using System.Text.Json;

using Lessons.Application.Reports.Queries;
using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Search;

/// <summary>
/// Judged queries over the relevance corpus and the metrics of its README: nDCG@10 with exponential gain and recall@10
/// over grade ≥ 2, macro-averaged, with a breakdown by tag. Three sets: the data set's development queries
/// (Data/relevance-queries-dev.json, used while tuning), our held-out queries (Data/relevance-queries-heldout.json,
/// written and judged before the search ever ran them, and never tuned against) and a third set
/// (Data/relevance-queries-third.json, written in a decision maker's own words from the reports' intents and judged by
/// reading the reports before any run). The third set is the honest estimate: only its totals and tags are printed,
/// so that nobody tunes on its single queries.
/// </summary>
public static class Relevance
{
    public sealed record Judged(string Id, string Text, IReadOnlyList<string> Tags, Dictionary<string, int> Judgments, SearchReportsQuery Query);

    public sealed record Score(string Id, string Text, IReadOnlyList<string> Tags, double Ndcg, double Recall, IReadOnlyList<string> Top);

    public const string Development = "relevance-queries-dev.json";
    public const string HeldOut = "relevance-queries-heldout.json";
    public const string Third = "relevance-queries-third.json";

    public static IReadOnlyList<Judged> Queries(string set)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", set)));
        return [.. json.RootElement.EnumerateArray().Select(q =>
        {
            var filters = q.TryGetProperty("filters", out var f) ? f : default;
            IReadOnlyList<string> List(string name) => filters.ValueKind == JsonValueKind.Object && filters.TryGetProperty(name, out var v)
                ? [.. v.EnumerateArray().Select(x => x.GetString()!)] : [];
            int? Year(string bound) => filters.ValueKind == JsonValueKind.Object && filters.TryGetProperty("year", out var y)
                && y.TryGetProperty(bound, out var b) ? b.GetInt32() : null;
            return new Judged(q.GetProperty("id").GetString()!, q.GetProperty("text").GetString()!,
                [.. q.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)],
                q.GetProperty("judgments").EnumerateObject().ToDictionary(j => j.Name, j => j.Value.GetInt32()),
                new SearchReportsQuery
                {
                    Text = q.GetProperty("text").GetString(), Outcomes = List("outcome"), OrganisationTypes = List("organisationType"),
                    Stages = List("stage"), Principles = List("principles"), Challenges = List("challenges"),
                    YearFrom = Year("gte"), YearTo = Year("lte"), PageSize = 10,
                });
        })];
    }

    public static async Task<IReadOnlyList<Score>> RunAsync(TestApp app, string set)
    {
        var scores = new List<Score>();
        foreach (var q in Queries(set))
        {
            var top = (await app.SendAs(Actor.Nobody, q.Query)).Items.Select(h => h.Report.ExternalId!).Take(10).ToList();
            var dcg = top.Select((id, i) => (Math.Pow(2, q.Judgments.GetValueOrDefault(id)) - 1) / Math.Log2(i + 2)).Sum();
            var ideal = q.Judgments.Values.OrderDescending().Take(10).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
            var relevant = q.Judgments.Where(j => j.Value >= 2).Select(j => j.Key).ToHashSet();
            scores.Add(new Score(q.Id, q.Text, q.Tags, dcg / ideal, top.Count(relevant.Contains) / (double)relevant.Count, top));
        }
        return scores;
    }

    public static string Report(IReadOnlyList<Score> scores, bool perQuery = true)
    {
        var lines = new List<string> { $"all ({scores.Count}): nDCG@10 {scores.Average(s => s.Ndcg):F3}, recall@10 {scores.Average(s => s.Recall):F3}" };
        foreach (var tag in scores.SelectMany(s => s.Tags).Distinct().Order())
        {
            var tagged = scores.Where(s => s.Tags.Contains(tag)).ToList();
            lines.Add($"  {tag,-13} ({tagged.Count,2}): nDCG@10 {tagged.Average(s => s.Ndcg):F3}, recall@10 {tagged.Average(s => s.Recall):F3}");
        }
        if (perQuery)
            lines.AddRange(scores.Select(s => $"  {s.Id} {s.Text,-40} nDCG {s.Ndcg:F2} recall {s.Recall:F2} TOP {string.Join(",", s.Top)}"));
        return string.Join('\n', lines);
    }
}
