using Lessons.Application.Common.Ports;
using Lessons.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// Saved searches over a digest run's few hundred new reports: a throw-away index of just those reports, built by the
/// same index class as the site's (same documents, analysis and query meaning), searched once per distinct search.
/// It never touches the node's own index, so the command verbs can run it beside a running site.
/// </summary>
internal sealed class ReportMatching(LessonsDbContext db) : IReportMatching
{
    public async Task<IReadOnlyList<IReadOnlyList<int>>> MatchAsync(
        IReadOnlyList<Guid> reportIds, IReadOnlyList<ReportSearchQuery> queries, CancellationToken ct)
    {
        if (queries.Count == 0) return [];
        var ids = reportIds.ToList();
        var rows = await SearchIndexer.Published(db, db.Reports.Where(r => ids.Contains(r.Id))).ToListAsync(ct);
        if (rows.Count == 0) return [.. queries.Select(_ => (IReadOnlyList<int>)[])];
        var position = new Dictionary<Guid, int>(ids.Count);
        for (var i = 0; i < ids.Count; i++) position.TryAdd(ids[i], i);

        var path = Path.Combine(Path.GetTempPath(), "lessons-digest-" + Guid.NewGuid().ToString("N"));
        try
        {
            var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = path }).Build();
            using var index = new LuceneReportIndex(settings);
            index.Apply(rows.Select(SearchIndexer.ToIndexed), [], 0);
            return index.Matching([.. queries.Select(q => q with { Skip = 0, Take = rows.Count })], id => position.GetValueOrDefault(id, -1));
        }
        finally
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A temporary directory left behind is harmless; the system cleans its temp folder.
            }
        }
    }
}
