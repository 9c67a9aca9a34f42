#:project ../src/Web/Lessons.Web.csproj
#:property PublishAot=false
// Where a search's time goes, without HTTP: the index of bench/search.sh opened in this process, each API request of
// the mix (bench/search-mix.py's paths) run REPS times in turn, and for each its CPU time and wall time per search
// and the mean of every stage (lessons.search.stage.duration). CPU time is the figure to compare on a loaded machine.
//   dotnet run -c Release bench/search-profile.cs -- INDEX-COPY PATHS [REPS] [ANSWERS]
// INDEX-COPY must be a copy (cp -al of the bench's index): opening an index of another schema rebuilds it empty.
// Remove the copy's lessons.lock and write.lock (rm INDEX-COPY/*.lock): hard-linked, they are the same locks as those
// of a site running on the original, and the index refuses to open.
// ANSWERS: a file that receives every answer (ids, marks, facets, suggestion) for diff against another build's.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Web;

using Lessons.Application.Common.Ports;
using Lessons.Infrastructure.Search;

using Microsoft.Extensions.Configuration;

var (indexPath, pathsFile) = (args[0], args[1]);
var reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var answers = args.Length > 3 ? args[3] : null;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Search:IndexPath"] = indexPath,
    // SERIAL=1: every search on one thread, so that a stage's wall time is its CPU time on an idle core.
    ["Search:ParallelFrom"] = Environment.GetEnvironmentVariable("SERIAL") == "1" ? int.MaxValue.ToString(CultureInfo.InvariantCulture) : null,
}).Build();
using var index = new LuceneReportIndex(configuration);
index.Open();

var queries = File.ReadAllLines(pathsFile).Where(p => p.StartsWith("/api/", StringComparison.Ordinal)).Select(p =>
{
    var q = HttpUtility.ParseQueryString(p[(p.IndexOf('?') + 1)..]);
    string[] List(string name) => q.GetValues(name) ?? [];
    int? Number(string name) => q[name] is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
    return (Text: q["q"] ?? "(filters)", Query: new ReportSearchQuery
    {
        Text = q["q"], Outcomes = List("outcome"), Principles = List("principle"), Challenges = List("challenge"), Stages = List("stage"),
        OrganisationTypes = List("organisationType"), YearFrom = Number("yearFrom"), YearTo = Number("yearTo"),
        NewestFirst = q["sort"] == "newest", Skip = ((Number("page") ?? 1) - 1) * 20, Take = 20,
    });
}).ToList();

var stages = new Dictionary<string, (double Sum, int Count)>();
using var listener = new MeterListener();
listener.InstrumentPublished = (instrument, l) => { if (instrument.Name == "lessons.search.stage.duration") l.EnableMeasurementEvents(instrument); };
listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
{
    foreach (var tag in tags)
        lock (stages) { var s = stages.GetValueOrDefault((string)tag.Value!); stages[(string)tag.Value!] = (s.Sum + value, s.Count + 1); }
});
listener.Start();

foreach (var (_, query) in queries) index.Search(query);      // the JIT and the segments' facet columns
lock (stages) stages.Clear();

var process = Process.GetCurrentProcess();
var rows = new List<(double Cpu, double Wall, string Text, string Stages)>();
var dump = new StringBuilder();
foreach (var (text, query) in queries)
{
    Dictionary<string, (double Sum, int Count)> before;
    lock (stages) before = new(stages);
    process.Refresh();
    var cpu = process.TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    ReportSearchPage page = null!;
    for (var i = 0; i < reps; i++) page = index.Search(query);
    var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds / reps;
    process.Refresh();
    string own;
    lock (stages) own = string.Join(" ", stages.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture,
        $"{s.Key[..4]} {1000 * (s.Value.Sum - before.GetValueOrDefault(s.Key).Sum) / reps:F1}")));
    rows.Add(((process.TotalProcessorTime - cpu).TotalMilliseconds / reps, wall, text, own));
    if (answers is null) continue;
    dump.AppendLine(CultureInfo.InvariantCulture, $"## {text} total={page.Total} suggestion={page.Suggestion}");
    foreach (var hit in page.Hits)
        dump.AppendLine(CultureInfo.InvariantCulture, $"{hit.Id} {Marked(hit.Title)} | {string.Join(" | ", hit.Highlights.Select(Marked))}");
    foreach (var (facet, counts) in page.Facets) dump.AppendLine(CultureInfo.InvariantCulture, $"{facet}: {string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"))}");
}
if (answers is not null) File.WriteAllText(answers, dump.ToString());

static string Marked(MarkedText? text)
{
    if (text is null) return "";
    var s = new StringBuilder(text.Text);
    foreach (var mark in text.Marks.OrderByDescending(m => m.Start)) s.Insert(mark.Start + mark.Length, ']').Insert(mark.Start, '[');
    return s.ToString();
}

double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
var cpus = rows.Select(r => r.Cpu).Order().ToList();
var walls = rows.Select(r => r.Wall).Order().ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} searches x {reps}, {index.DocumentCount} reports, load average {File.ReadAllText("/proc/loadavg")[..14]}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU per search: mean {cpus.Average():F1} ms, p50 {P(cpus, 0.5):F1}, p95 {P(cpus, 0.95):F1}, max {cpus[^1]:F1}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall per search: mean {walls.Average():F1} ms, p50 {P(walls, 0.5):F1}, p95 {P(walls, 0.95):F1}, max {walls[^1]:F1}"));
foreach (var (stage, (sum, count)) in stages.OrderBy(s => s.Key))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   stage {stage,-10} {1000 * sum / count,7:F2} ms mean over {count}"));
Console.WriteLine("slowest by CPU:");
foreach (var (cpu, wall, text, own) in rows.OrderByDescending(r => r.Cpu).Take(int.Parse(Environment.GetEnvironmentVariable("SLOWEST") ?? "15", CultureInfo.InvariantCulture)))
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cpu,8:F1} ms CPU {wall,8:F1} ms wall  {text,-45} {own}"));
