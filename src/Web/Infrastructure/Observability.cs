using System.Net;
using System.Text.Json;

using Lessons.Infrastructure.Observability;
using Lessons.Infrastructure.Persistence;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;

using OpenTelemetry.Metrics;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// What an operator watches: <c>/health/live</c> (the process answers), <c>/health/ready</c> (every check tagged
/// "ready": the database, the search index, and whatever else registers one), and metrics in Prometheus format at
/// <c>Metrics:Prometheus:Path</c> when <c>Metrics:Prometheus:Enabled</c>, answered only to
/// <c>Metrics:Prometheus:AllowedNetworks</c> (loopback by default); anyone else gets the ordinary 404.
/// </summary>
internal static class Observability
{
    public const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLessonsObservability();
        services.AddSingleton<ReadinessLog>();
        // The framework logs every unhealthy check as an error, on every probe: a node that is starting or catching
        // up would fill the log with alarms for a state the load balancer already handles. ReadinessLog says it once.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter(ReadinessLog.FrameworkCategory, LogLevel.Critical));
        services.AddHealthChecks().AddDbContextCheck<LessonsDbContext>("database", tags: [ReadyTag]);

        // Every line a request writes carries its scopes (request id, trace id) when the JSON formatter is chosen
        // (Logging:Console:FormatterName=json): that is what makes the lines of one request findable together.
        services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        if (ScrapePath(configuration) is null) return services;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(LessonsMetrics.MeterName)
            .AddMeter("Microsoft.EntityFrameworkCore")      // EF Core's own instruments (queries, saves, contexts)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>The scrape path when the Prometheus endpoint is on, otherwise null.</summary>
    public static PathString? ScrapePath(IConfiguration configuration) =>
        configuration.GetValue("Metrics:Prometheus:Enabled", false)
            ? new PathString(configuration["Metrics:Prometheus:Path"] is { Length: > 0 } path ? path : "/metrics")
            // Typed: a bare null would become PathString's implicit conversion from a null string, an empty path that
            // every request starts with, and no page would be sent to https.
            : (PathString?)null;

    /// <summary>Paths a load balancer or a scraper asks over plain http inside the network: never redirected to https.</summary>
    public static bool AnswersPlainHttp(HttpRequest request, PathString? scrapePath) =>
        request.Path.StartsWithSegments("/health") || (scrapePath is { } path && request.Path.StartsWithSegments(path));

    /// <summary>The Prometheus endpoint, before anything that could redirect, rate-limit or render it.</summary>
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        if (ScrapePath(app.Configuration) is not { } path) return app;
        var networks = (app.Configuration.GetSection("Metrics:Prometheus:AllowedNetworks").Get<string[]>() is { Length: > 0 } configured
                ? configured : ["127.0.0.0/8", "::1/128"])
            .Select(n => System.Net.IPNetwork.TryParse(n, out var parsed) ? parsed
                : throw new InvalidOperationException($"Metrics:Prometheus:AllowedNetworks: \"{n}\" är inget nät i CIDR-form (t.ex. 10.0.0.0/24)."))
            .ToArray();
        // A request from anywhere else goes on through the pipeline and finds no page there: the ordinary 404.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == path && Allowed(http.Connection.RemoteIpAddress, networks));
        return app;
    }

    private static bool Allowed(IPAddress? address, System.Net.IPNetwork[] networks)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        // Nothing but the process: a node that answers this is alive, whatever its database does.
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .DisableRateLimiting();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = (http, report) =>
            {
                http.RequestServices.GetRequiredService<ReadinessLog>().Note(report);
                return WriteAsync(http, report);
            },
        })
            .DisableRateLimiting();
        return routes;
    }

    /// <summary>Each check's status, description and data. Exception messages stay in the log: they can name hosts.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data,
            }),
        }, Json);
    }
}
