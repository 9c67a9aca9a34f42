using System.Net;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

using Microsoft.Extensions.Logging;

namespace Lessons.IntegrationTests.Http;

/// <summary>What lands in the operator's log: the caller's mistakes are not alarms, and a request's lines belong together.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task Expected_client_errors_are_never_logged_as_warnings_or_errors()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2" });
        var client = app.Browser();
        // Start-up has its own warnings (keys stored unencrypted, which this configuration chooses): not a request's.
        await client.GetPageAsync("/konto/logga-in");
        var before = app.Logs.Entries.Count;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/finns-inte")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/rapporter/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/reports?outcome=kanske")).StatusCode);
        using (var malformed = new StringContent("{", System.Text.Encoding.UTF8, "application/json"))
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/subscriptions", malformed)).StatusCode);
        // A form posted without its antiforgery token (a stale page, a forged form).
        using (var forged = new FormUrlEncodedContent([new("Email", "anna@example.se"), new("Password", "fel lösenord här")]))
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/konto/logga-in", forged)).StatusCode);
        for (var i = 0; i < 2; i++) await client.SignInAsync("ingen@exempel.se", "fel lösenord helt enkelt");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SignInAsync("ingen@exempel.se", "fel lösenord helt enkelt")).StatusCode);

        var loud = app.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(loud.Count == 0, "Logged as warnings or errors:\n" + string.Join("\n", loud));
    }

    [Fact]
    public async Task With_the_json_console_formatter_every_line_of_a_request_carries_its_request_id_and_trace_id()
    {
        await using var site = await SiteProcess.ProgramAsync(TestDatabases.TempDirectory("site"), new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DemoContent:Enabled"] = "false",
            ["Logging:Console:FormatterName"] = "json",
        });
        using var client = site.Browser();
        var missing = $"/rapporter/{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(missing)).StatusCode);

        JsonElement line = default;
        for (var tries = 0; tries < 50 && line.ValueKind == JsonValueKind.Undefined; tries++)
        {
            await Task.Delay(100);
            line = site.Log.Split('\n').Where(l => l.StartsWith('{') && l.Contains(missing, StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement.Clone()).FirstOrDefault();
        }

        Assert.True(line.ValueKind == JsonValueKind.Object, "No JSON line about the request in:\n" + site.Log);
        var scopes = line.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString() is { Length: > 0 });
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var id) && id.GetString() is { Length: 32 });
    }
}
