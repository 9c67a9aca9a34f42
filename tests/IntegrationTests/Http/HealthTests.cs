using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

using Microsoft.Extensions.Logging;

using Npgsql;

namespace Lessons.IntegrationTests.Http;

/// <summary>What a load balancer asks a node: is the process alive, and may it be sent visitors.</summary>
public sealed class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>The index opens a couple of seconds after the site starts; a load balancer keeps asking, so do we.</summary>
    private static async Task<JsonElement> ReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (status, body) = await Get(client, "/health/ready");
            if (status == HttpStatusCode.OK) return body;
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"/health/ready stayed {status}: {body}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Live_answers_200_and_asks_no_dependency()
    {
        await using var app = await LessonsApp.StartAsync();

        var (status, body) = await Get(app.Browser(), "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_answers_200_once_the_database_answers_and_the_index_is_open_and_current_listing_each_check()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });

        var body = await ReadyAsync(app.Browser());

        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        var index = checks.GetProperty("search-index");
        Assert.Equal("Healthy", index.GetProperty("status").GetString());
        var published = (await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=1")).GetProperty("total").GetInt32();
        Assert.True(published > 0);
        Assert.Equal(published, index.GetProperty("data").GetProperty("documents").GetInt32());
        Assert.Equal(0, index.GetProperty("data").GetProperty("pendingChanges").GetInt32());
    }

    [Fact]
    public async Task A_node_that_is_not_ready_yet_says_so_once_at_information_and_logs_no_error_however_often_it_is_asked()
    {
        // An index that can never be current enough (allowed lag below zero) stands for one still catching up with
        // the outbox after a restart: unhealthy at every probe, as a load balancer asks.
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["Health:SearchMaxLagSeconds"] = "-1" });
        var client = app.Browser();

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get(client, "/health/ready")).Status);

        var loud = app.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(loud.Count == 0, "Logged as errors:\n" + string.Join("\n", loud));
        var said = Assert.Single(app.Logs.Entries, e => e.Message.Contains("ready", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(LogLevel.Information, said.Level);
        Assert.Contains("search-index", said.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_database_stops_answering_ready_and_health_answer_503_naming_it_while_live_answers_200()
    {
        await using var app = await LessonsApp.StartAsync(TestDatabases.Postgres);
        var client = app.Browser();
        await ReadyAsync(client);

        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        var cluster = await Requires.Postgres();
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE {database} WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }

        var (ready, body) = await Get(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/health/live")).Status);
    }

    [Fact]
    public async Task Health_and_metrics_answer_plain_http_where_every_other_page_is_sent_to_https()
    {
        await using var node = await SiteProcess.ProgramAsync(TestDatabases.TempDirectory("node"), new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site:PublicUrl"] = "https://lessons.example.se",
            ["AllowedHosts"] = "127.0.0.1",
            ["Metrics:Prometheus:Enabled"] = "true",
        });
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.Address };

        Assert.Equal(HttpStatusCode.TemporaryRedirect, (await plain.GetAsync("/sok")).StatusCode);
        foreach (var path in new[] { "/health", "/health/live", "/metrics" })
            Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync(path)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TemporaryRedirect, (await plain.GetAsync("/health/ready")).StatusCode);
    }
}
