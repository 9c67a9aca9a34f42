using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>The Prometheus scrape: off unless asked for, and then only for the networks the operator names.</summary>
public sealed class MetricsTests
{
    /// <summary>A client of the Kestrel-served app over its throw-away certificate, from 127.0.0.1.</summary>
    private static HttpClient Loopback(LessonsApp app) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=localhost",
    })
    { BaseAddress = app.Address };

    [Fact]
    public async Task The_metrics_endpoint_is_off_by_default()
    {
        await using var app = await LessonsApp.ServeAsync();
        using var client = Loopback(app);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task When_enabled_a_scrape_from_loopback_shows_the_search_latency_and_the_ASP_NET_Core_metrics()
    {
        await using var app = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?>
        {
            ["DemoContent:Enabled"] = "true",
            ["Metrics:Prometheus:Enabled"] = "true",
        });
        using var client = Loopback(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sok?q=lås")).StatusCode);

        using var scrape = await client.GetAsync("/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("lessons_search_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("lessons_search_kind=\"search\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches("http_server_request_duration_seconds_count\\{[^}]*http_response_status_code=\"200\"", text);
    }

    [Fact]
    public async Task A_scrape_shows_how_long_each_stage_of_a_search_took()
    {
        await using var app = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?>
        {
            ["DemoContent:Enabled"] = "true",
            ["Metrics:Prometheus:Enabled"] = "true",
        });
        using var client = Loopback(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports?q=hemtjanst")).StatusCode);

        var text = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();

        // What bench/search.sh reads to say where a search's time goes.
        foreach (var stage in new[] { "query", "spelling", "collect", "documents", "highlight" })
            Assert.Matches($"lessons_search_stage_duration_seconds_count\\{{[^}}]*lessons_search_stage=\"{stage}\"[^}}]*\\}} [1-9]", text);
    }

    [Fact]
    public async Task A_scrape_from_outside_the_allowed_networks_gets_404()
    {
        await using var app = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?>
        {
            ["Metrics:Prometheus:Enabled"] = "true",
            ["Metrics:Prometheus:Path"] = "/drift/metrics",
            ["Metrics:Prometheus:AllowedNetworks:0"] = "10.20.0.0/16",
        });
        using var client = Loopback(app);

        var scrape = await client.GetAsync("/drift/metrics");

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
        Assert.DoesNotContain("http_server", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
