using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>The OpenAPI document and Scalar's reference page on it.</summary>
public sealed partial class ApiDocsTests
{
    [Fact]
    public async Task The_openapi_document_lists_the_reports_endpoint_with_its_parameters_and_their_limits()
    {
        await using var app = await LessonsApp.StartAsync();
        var document = await app.Browser().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/reports", paths);
        Assert.Contains("/api/v1/reports/{id}", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        var search = document.GetProperty("paths").GetProperty("/api/v1/reports").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["q", "outcome", "principle", "challenge", "stage", "organisationType", "organisation", "yearFrom", "yearTo", "sort", "page", "pageSize"],
            parameters.Keys);
        Assert.All(parameters.Values, p =>
        {
            Assert.Equal("query", p.GetProperty("in").GetString());
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()));
        });
        Assert.Equal("100", parameters["pageSize"].GetProperty("schema").GetProperty("maximum").ToString());
        Assert.Contains("misslyckades", parameters["outcome"].GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(search.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task The_api_reference_runs_its_own_script_by_a_nonce_while_every_other_page_keeps_the_strict_policy()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();

        var reference = await client.GetAsync("/api");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var csp = string.Join(";", reference.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        var html = await reference.Content.ReadAsStringAsync();
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.Ordinal);
        var again = string.Join(";", (await client.GetAsync("/api")).Headers.GetValues("Content-Security-Policy"));
        Assert.NotEqual(nonce, Nonce().Match(again).Groups[1].Value);

        foreach (var path in new[] { "/", "/api/v1/reports", "/openapi/v1.json" })
        {
            var strict = string.Join(";", (await client.GetAsync(path)).Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", strict, StringComparison.Ordinal);
            Assert.DoesNotContain("nonce-", strict, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", strict, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("script-src 'self' 'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
