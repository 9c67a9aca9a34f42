#:project ../src/Web/Lessons.Web.csproj
#:property PublishAot=false
// The digest's numbers (issue 9), driven by bench/digest.sh, which starts the database and the SMTP server:
//   dotnet run -c Release bench/digest.cs -- seed PROVIDER CONNECTION SUBSCRIBERS CORPUS REPORTS
//   dotnet run -c Release bench/digest.cs -- run PROVIDER CONNECTION [SMTP-PORT SEND SERVER-PID]
// `seed` migrates and imports REPORTS reports (the corpus repeated and varied) and writes SUBSCRIBERS confirmed
// subscribers with 3–7 follows each in bulk. `run` is one `digest --send-now` through the real handler: it prints the
// time, CPU time and peak memory of composing every digest (up to the moment the first mail is handed over), then,
// with an SMTP port, the rate of SEND real deliveries (claim, MIME, SMTP, marking sent) to that server.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Lessons.Application;
using Lessons.Application.Common.Ports;
using Lessons.Application.Digests.Commands;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Domain.Subscriptions;
using Lessons.Domain.Taxonomy;
using Lessons.Infrastructure;
using Lessons.Infrastructure.Persistence;
using Lessons.Infrastructure.Persistence.Configurations;
using Lessons.Web;

using Mediator;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

using Npgsql;

using NpgsqlTypes;

var invariant = CultureInfo.InvariantCulture;
var (mode, provider, connection) = (args[0], args[1], args[2]);
var settings = new Dictionary<string, string?>
{
    ["Database:Provider"] = provider,
    ["ConnectionStrings:Lessons"] = connection,
    ["DemoContent:Enabled"] = "false",
    ["Site:PublicUrl"] = "https://lessons.example.se",
    ["Search:IndexPath"] = Path.Combine(Path.GetTempPath(), "lessons-digest-bench-index-" + Environment.ProcessId),
    ["Email:Delivery"] = args.Length > 3 ? "Smtp" : "Pickup",
    ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "lessons-digest-bench-mail"),
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = args.Length > 3 ? args[3] : "25",
    ["Email:Smtp:Security"] = "None",
    ["Email:Smtp:MessagesPerSecond"] = "0",     // as fast as the server answers: the figure is the ceiling
};
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var services = new ServiceCollection()
    // EF logs its probe for the migrations table of a new database as a failed command: noise here.
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None).AddConsole())
    .AddSingleton<IConfiguration>(configuration)
    .AddSingleton(TimeProvider.System)
    .AddApplication()
    .AddInfrastructure(configuration)
    .AddOperator();

if (mode == "seed")
{
    await using var provider_ = services.BuildServiceProvider();
    await provider_.InitialiseDatabaseAsync();
    await SeedAsync(provider_, int.Parse(args[3], invariant), args[4], int.Parse(args[5], invariant));
    return 0;
}

// The mail port is wrapped: the first batch opened marks the end of composing, and after SEND mails the run is
// stopped (the rest stays composed in a throw-away database).
var send = args.Length > 4 ? int.Parse(args[4], invariant) : 0;
var serverPid = args.Length > 5 ? args[5] : null;
var real = services.Single(d => d.ServiceType == typeof(IEmailSender));
services.Remove(real);
var stop = new CancellationTokenSource();
var meter = new Meter(send, stop, serverPid);
services.AddSingleton<IEmailSender>(sp => new MeteredSender((IEmailSender)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!), meter));
await using (var provider_ = services.BuildServiceProvider())
{
    await provider_.InitialiseDatabaseAsync();
    // The process as an operator's `digest --send-now` starts it: the same requests through the same handler.
    meter.Start();
    await using var scope = provider_.CreateAsyncScope();
    try
    {
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunDigestsCommand(SendNow: true), stop.Token);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        // Stopped by the meter after SEND mails.
    }
    meter.Composed();     // when nothing at all was sent (no subscriber had anything new)
    meter.Report();
    await using var counting = provider_.CreateAsyncScope();
    var db = counting.ServiceProvider.GetRequiredService<LessonsDbContext>();
    var deliveries = await db.DigestDeliveries.CountAsync();
    var bytes = provider == "Postgres"
        ? await db.Database.SqlQuery<long>($"""SELECT COALESCE(SUM(length("HtmlBody") + length("TextBody") + length("ReportIds")), 0)::bigint AS "Value" FROM digest_deliveries""").SingleAsync()
        : 0;
    Console.WriteLine(string.Create(invariant, $"deliveries stored: {deliveries:N0}{(bytes > 0 ? $", {bytes / (double)Math.Max(1, deliveries) / 1024:F1} KiB of HTML, text and report ids each" : "")}"));
}
return 0;

static async Task SeedAsync(IServiceProvider provider, int subscribers, string corpus, int reports)
{
    var clock = Stopwatch.StartNew();
    var random = new Random(9);
    var records = JsonSerializer.Deserialize<List<ReportRecord>>(await File.ReadAllTextAsync(corpus))!;
    var variants = new[] { "", " – uppföljning", " – andra året", " i en grannkommun", " – en ny omgång" };
    var items = new List<ReportRecord>();
    for (var i = 0; items.Count < reports; i++)
    {
        var r = records[i % records.Count];
        var round = i / records.Count;
        // Every tenth members-only, every tenth (another tenth) anonymous: both are filtered per subscriber.
        items.Add(r with
        {
            Id = $"{r.Id}-{round}",
            Title = r.Title + variants[round % variants.Length] + (round >= variants.Length ? $" ({round})" : ""),
            MembersOnly = i % 10 == 3,
            Anonymous = i % 10 == 7,
        });
    }
    await using (var scope = provider.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportReportsCommand(items));

    await using var seeding = provider.CreateAsyncScope();
    var db = seeding.ServiceProvider.GetRequiredService<LessonsDbContext>();
    // Published over the week, as they would be, rather than all in the instant of the import.
    await db.Database.ExecuteSqlRawAsync("""UPDATE reports SET "PublishedAt" = now() - random() * interval '6 days'""");
    var organisations = await db.Reports.Where(r => !r.IsAnonymous).Select(r => r.OrganisationId).Distinct().OrderBy(o => o).ToListAsync();
    var principles = Vocabulary.Principles.Keys.ToArray();
    var challenges = Vocabulary.Challenges.Keys.ToArray();
    var types = Vocabulary.OrganisationTypes.Keys.ToArray();
    var outcomes = Vocabulary.Outcomes.Keys.ToArray();
    var words = records.SelectMany(r => r.Title!.Split(' ')).Where(w => w.Length >= 6 && w.All(char.IsLetter)).Select(w => w.ToLowerInvariant()).Distinct().Order().ToArray();
    // Popular searches many people follow, and a long tail that only one follows.
    var shared = Enumerable.Range(0, 40).Select(i => new SavedSearch
    {
        Text = words[random.Next(words.Length)],
        Outcomes = i % 4 == 0 ? [outcomes[random.Next(outcomes.Length)]] : [],
        OrganisationTypes = i % 5 == 0 ? [types[random.Next(types.Length)]] : [],
    }).ToArray();

    var confirmed = DateTimeOffset.UtcNow.AddDays(-7);
    var connection = (NpgsqlConnection)db.Database.GetDbConnection();
    await connection.OpenAsync();
    var follows = 0;
    await using (var subscribersCopy = await connection.BeginBinaryImportAsync(
        """COPY subscribers ("Id", "Email", "Status", "CreatedAt", "ConfirmedAt", "PermanentFailures") FROM STDIN (FORMAT BINARY)"""))
    {
        for (var i = 0; i < subscribers; i++)
        {
            await subscribersCopy.StartRowAsync();
            await subscribersCopy.WriteAsync(Id(i), NpgsqlDbType.Uuid);
            await subscribersCopy.WriteAsync($"prenumerant{i}@exempel.se", NpgsqlDbType.Varchar);
            await subscribersCopy.WriteAsync("confirmed", NpgsqlDbType.Varchar);
            await subscribersCopy.WriteAsync(confirmed, NpgsqlDbType.TimestampTz);
            await subscribersCopy.WriteAsync(confirmed, NpgsqlDbType.TimestampTz);
            await subscribersCopy.WriteAsync(0, NpgsqlDbType.Integer);
        }
        await subscribersCopy.CompleteAsync();
    }
    await using (var followsCopy = await connection.BeginBinaryImportAsync(
        """COPY follows ("Id", "SubscriberId", "Kind", "Key", "Search", "CreatedAt") FROM STDIN (FORMAT BINARY)"""))
    {
        for (var i = 0; i < subscribers; i++)
        {
            var wanted = new Dictionary<(FollowKind, string), SavedSearch?>();
            var count = 3 + random.Next(5);
            while (wanted.Count < count)
            {
                var pick = random.Next(100);
                if (pick < 30) wanted.TryAdd((FollowKind.Principle, principles[random.Next(principles.Length)]), null);
                else if (pick < 60) wanted.TryAdd((FollowKind.Challenge, challenges[random.Next(challenges.Length)]), null);
                // Organisations by popularity: the square favours the first ones, as follows of big cities would.
                else if (pick < 80) wanted.TryAdd((FollowKind.Organisation, organisations[(int)(Math.Pow(random.NextDouble(), 2) * organisations.Count)].ToString()), null);
                else if (pick < 88) wanted.TryAdd((FollowKind.OrganisationType, types[random.Next(types.Length)]), null);
                else
                {
                    var search = pick < 95 ? shared[random.Next(shared.Length)]
                        : new SavedSearch { Text = $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}", YearFrom = 2015 + random.Next(6) };
                    var follow = Follow.OfSearch(Id(i), search, confirmed);
                    wanted.TryAdd((FollowKind.Search, follow.Key), follow.Search);
                }
            }
            foreach (var ((kind, key), search) in wanted)
            {
                await followsCopy.StartRowAsync();
                await followsCopy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await followsCopy.WriteAsync(Id(i), NpgsqlDbType.Uuid);
                await followsCopy.WriteAsync(SubscriptionColumns.FollowKind.ConvertToProvider(kind)!, NpgsqlDbType.Varchar);
                await followsCopy.WriteAsync(key, NpgsqlDbType.Varchar);
                if (search is null) await followsCopy.WriteNullAsync();
                else await followsCopy.WriteAsync((string)SubscriptionColumns.SavedSearch.ConvertToProvider(search)!, NpgsqlDbType.Text);
                await followsCopy.WriteAsync(confirmed, NpgsqlDbType.TimestampTz);
                follows++;
            }
        }
        await followsCopy.CompleteAsync();
    }
    await db.RefreshStatisticsAsync();
    var distinctSearches = await db.Follows.Where(f => f.Kind == FollowKind.Search).Select(f => f.Key).Distinct().CountAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"seeded in {clock.Elapsed.TotalSeconds:F1} s: {items.Count} reports, {subscribers:N0} subscribers, {follows:N0} follows ({distinctSearches:N0} distinct saved searches)"));

    static Guid Id(int i) => new($"00000000-0000-4000-8000-{i:x12}");
}

/// <summary>Figures of this process (and the SMTP server's CPU time, given its pid) at the moments that matter.</summary>
internal sealed class Meter(int send, CancellationTokenSource stop, string? serverPid)
{
    private readonly Stopwatch wall = new();
    private TimeSpan cpuAtStart;
    private (TimeSpan Wall, TimeSpan Cpu, long PeakKb, long Allocated, GCMemoryInfo Gc, int Gen0, int Gen1, int Gen2)? composed;
    private long allocatedAtStart;
    private (TimeSpan Wall, TimeSpan Cpu, TimeSpan ServerCpu)? sendStart;
    private (TimeSpan Wall, TimeSpan Cpu, TimeSpan ServerCpu)? sendEnd;
    private int sent;

    public bool ComposeOnly => send == 0;

    public void Stop() => stop.Cancel();

    public void Start()
    {
        cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        allocatedAtStart = GC.GetTotalAllocatedBytes(precise: false);
        wall.Start();
    }

    public void Composed() => composed ??= (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart, PeakKb(),
        GC.GetTotalAllocatedBytes(precise: false) - allocatedAtStart, GC.GetGCMemoryInfo(GCKind.Any), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>After a warm-up of a tenth (JIT, first connection), the timing of the rest.</summary>
    public bool Sent()
    {
        sent++;
        if (sent == Math.Max(1, send / 10)) sendStart = (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime, ServerCpu());
        if (sent < send) return true;
        sendEnd ??= (wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime, ServerCpu());
        stop.Cancel();
        return false;
    }

    public void Report()
    {
        var c = composed!.Value;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compose: {c.Wall.TotalSeconds:F1} s wall, {c.Cpu.TotalSeconds:F1} s CPU of this process, peak RSS {c.PeakKb / 1024} MiB (targets: 60 s, 500 MB)"));
        // Where the memory is: the managed heap after the last collection against the whole process, and what was allocated.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  managed heap: {c.Gc.HeapSizeBytes / 1048576} MiB after the last GC ({c.Gc.PromotedBytes / 1048576} MiB promoted, {c.Gc.TotalCommittedBytes / 1048576} MiB committed), {c.Allocated / 1048576:N0} MiB allocated while composing, collections gen0/1/2 {c.Gen0}/{c.Gen1}/{c.Gen2}"));
        if (sendStart is { } s && sendEnd is { } e && send > 0)
        {
            var n = sent - Math.Max(1, send / 10);
            var seconds = (e.Wall - s.Wall).TotalSeconds;
            var mine = (e.Cpu - s.Cpu).TotalMilliseconds / n;
            var server = (e.ServerCpu - s.ServerCpu).TotalMilliseconds / n;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"send: {n} digests in {seconds:F2} s = {n / seconds:F0} messages/s (claim, MIME, SMTP, marked sent; target 200)"));
            if (serverPid is not null)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  CPU per message: this process {mine:F2} ms (at most {1000 / mine:F0}/s on one core), SMTP server {server:F2} ms"));
        }
    }

    private static long PeakKb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private TimeSpan ServerCpu() => serverPid is null ? TimeSpan.Zero
        : TimeSpan.FromMilliseconds(10 * File.ReadAllText($"/proc/{serverPid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(11).Take(2).Sum(t => long.Parse(t, CultureInfo.InvariantCulture)));
}

internal sealed class MeteredSender(IEmailSender inner, Meter meter) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken ct) => inner.SendAsync(message, ct);

    public async Task<IEmailBatch> OpenBatchAsync(CancellationToken ct)
    {
        meter.Composed();
        if (meter.ComposeOnly)
        {
            meter.Stop();
            ct.ThrowIfCancellationRequested();
        }
        return new Batch(await inner.OpenBatchAsync(ct), meter);
    }

    private sealed class Batch(IEmailBatch inner, Meter meter) : IEmailBatch
    {
        public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken ct)
        {
            var result = await inner.SendAsync(message, ct);
            meter.Sent();
            return result;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
