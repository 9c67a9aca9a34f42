using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

using Lucene.Net.Index;
using Lucene.Net.Store;

using Microsoft.Data.Sqlite;

namespace Lessons.IntegrationTests.Search;

/// <summary>
/// The real program killed with SIGKILL (<c>kill -9</c>: .NET's Process.Kill on Linux) at the worst moments, then
/// started again: its index ends equal to the database, with nothing half-written in either.
/// </summary>
public sealed class IndexCrashTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Data", "relevance-reports.json");

    /// <summary>One node's folder: its SQLite database and its index, shared by the site and the command verbs.</summary>
    private sealed class Node
    {
        public string Directory { get; } = TestDatabases.TempDirectory("crash");

        public string Database => Path.Combine(Directory, "lessons.db");

        public string Index => Path.Combine(Directory, "index");

        private Dictionary<string, string?> Settings => new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",        // plain http on loopback, no public address needed
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Lessons"] = $"Data Source={Database}",
            ["Search:IndexPath"] = Index,
            ["Search:StartDelaySeconds"] = "0",
            ["DemoContent:Enabled"] = "false",
        };

        public Task<SiteProcess> SiteAsync() => SiteProcess.ProgramAsync(Directory, Settings);

        /// <summary>A command verb, started (not awaited) with its output collected.</summary>
        public Verb Start(params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Directory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lessons.Web.dll"));
            foreach (var arg in args) start.ArgumentList.Add(arg);
            foreach (var (key, value) in Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            start.Environment["Email__PickupDirectory"] = Path.Combine(Directory, "mail");
            return new Verb(Process.Start(start)!);
        }

        public async Task RunAsync(params string[] args)
        {
            using var verb = Start(args);
            var code = await verb.ExitAsync();
            Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}:\n{verb.Output}");
        }

        public async Task<HashSet<Guid>> PublishedInDatabase() =>
            [.. (await Query("SELECT Id FROM reports WHERE Status = 'published'")).Select(Guid.Parse)];

        public async Task<List<string>> Query(string sql)
        {
            await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            return values;
        }

        /// <summary>The last commit on disk: the outbox row it claims to have applied, and the ids of its reports.</summary>
        public (long? Outbox, HashSet<Guid> Ids) IndexOnDisk()
        {
            using var directory = FSDirectory.Open(Index);
            if (!DirectoryReader.IndexExists(directory)) return (null, []);
            using var reader = DirectoryReader.Open(directory);
            var live = MultiFields.GetLiveDocs(reader);
            var ids = new HashSet<Guid>();
            for (var i = 0; i < reader.MaxDoc; i++)
                if (live is null || live.Get(i)) ids.Add(Guid.Parse(reader.Document(i).Get("id")));
            return (reader.IndexCommit.UserData.TryGetValue("outbox", out var outbox) ? long.Parse(outbox, System.Globalization.CultureInfo.InvariantCulture) : null, ids);
        }
    }

    private sealed class Verb : IDisposable
    {
        private readonly Process process;
        private readonly System.Text.StringBuilder output = new();
        private readonly Task reading;

        public Verb(Process process)
        {
            this.process = process;
            reading = Task.WhenAll(Read(process.StandardOutput), Read(process.StandardError));
        }

        public string Output { get { lock (output) return output.ToString(); } }

        private async Task Read(StreamReader from)
        {
            while (await from.ReadLineAsync() is { } line) lock (output) output.AppendLine(line);
        }

        public async Task<int> ExitAsync()
        {
            await process.WaitForExitAsync();
            await reading;
            return process.ExitCode;
        }

        public void Kill() => process.Kill(entireProcessTree: true);

        public void Dispose() => process.Dispose();
    }

    private static async Task<int> Total(SiteProcess site) =>
        (await site.Browser().GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=1")).GetProperty("total").GetInt32();

    private static async Task Until(Func<Task<bool>> condition, string what, Func<string>? log = null, int seconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what + "\n" + log?.Invoke());
            await Task.Delay(50);
        }
    }

    /// <summary>Starts the site, waits until its search counts every published report, stops it, and compares the
    /// index on disk with the database, id for id.</summary>
    private static async Task AssertIndexEqualsDatabaseAfterRestart(Node node)
    {
        var published = await node.PublishedInDatabase();
        await using (var site = await node.SiteAsync())
            await Until(async () => await Total(site) == published.Count, $"the index never reached {published.Count} reports", () => site.Log);
        var (outbox, ids) = node.IndexOnDisk();
        Assert.Equal(published.Order(), ids.Order());
        Assert.Equal(long.Parse((await node.Query("SELECT MAX(Id) FROM search_changes")).Single(), System.Globalization.CultureInfo.InvariantCulture), outbox);
    }

    /// <summary>A commit on disk claims to be current only when it holds every published report of its outbox position.</summary>
    private static async Task AssertNoHalfIndexClaimsToBeCurrent(Node node)
    {
        var (outbox, ids) = node.IndexOnDisk();
        if (outbox is null) return;
        var latest = long.Parse((await node.Query("SELECT MAX(Id) FROM search_changes")).Single(), System.Globalization.CultureInfo.InvariantCulture);
        if (outbox == latest) Assert.Equal((await node.PublishedInDatabase()).Order(), ids.Order());
    }

    [Fact]
    public async Task Killed_during_a_rebuild_the_node_starts_again_and_its_index_equals_the_database()
    {
        var node = new Node();
        await node.RunAsync("generate", "--reports", "1500", "--seed", "3");

        await using (var site = await node.SiteAsync())     // a new index: the node rebuilds it from the database
            await Until(() => Task.FromResult(site.Log.Contains("Rebuilding the search index", StringComparison.Ordinal)), "no rebuild started");
        // killed here, during the rebuild

        await AssertNoHalfIndexClaimsToBeCurrent(node);
        await AssertIndexEqualsDatabaseAfterRestart(node);
    }

    [Fact]
    public async Task Killed_while_catching_up_the_node_starts_again_where_its_index_had_come_and_equals_the_database()
    {
        var node = new Node();
        await node.RunAsync("import", Corpus);
        var site = await node.SiteAsync();
        Verb more;
        try
        {
            await Until(async () => await Total(site) == 100, "the first 100 reports were never indexed");
            more = node.Start("generate", "--reports", "1000", "--seed", "4");      // batches of 500, each its own commit
            await Until(async () => await Total(site) > 100, "the running node never caught up with the first batch",
                () => $"generate:\n{more.Output}\nsite:\n{site.Log}");
        }
        finally
        {
            await site.DisposeAsync();      // killed here, while the outbox grows
        }
        using (more) Assert.Equal(0, await more.ExitAsync());

        await AssertNoHalfIndexClaimsToBeCurrent(node);
        await AssertIndexEqualsDatabaseAfterRestart(node);
    }

    [Fact]
    public async Task An_import_killed_half_way_writes_nothing_and_the_index_still_equals_the_database()
    {
        var node = new Node();
        var reports = JsonSerializer.Deserialize<List<JsonElement>>(await File.ReadAllTextAsync(Corpus))!;
        var copies = Enumerable.Range(0, 5).SelectMany(copy => reports.Select(r =>
        {
            var item = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r.GetRawText())!;
            item["id"] = JsonSerializer.SerializeToElement($"{item["id"].GetString()}-{copy}");
            return item;
        })).ToList();
        var file = Path.Combine(node.Directory, "rapporter.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(copies));
        await node.RunAsync("import", Corpus);

        await using (var site = await node.SiteAsync())
        {
            await Until(async () => await Total(site) == 100, "the first 100 reports were never indexed");
            using var import = node.Start("import", file);
            await Until(() => Task.FromResult(import.Output.Contains("Läser in", StringComparison.Ordinal)), "the import never started");
            import.Kill();
            await import.ExitAsync();
        }

        var count = (await node.Query("SELECT COUNT(*) FROM reports")).Single();
        Assert.Contains(count, new[] { "100", "600" });      // all of the file or none of it
        Assert.Equal(count, (await node.Query("SELECT COUNT(*) FROM report_revisions")).Single());
        await AssertIndexEqualsDatabaseAfterRestart(node);
    }
}
