using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>/api/v1/reports.json: every public report as open data, under a licence it states, and nothing else.</summary>
public sealed class OpenDataTests
{
    private static readonly (string Name, string Value)[] Report =
    [
        ("Input.Summary", "En sammanfattning som räcker för öppna data."),
        ("Input.YearStarted", "2024"),
        ("Input.Outcome", "misslyckades"),
        ("Input.Stage", "test"),
        ("Input.Principles", "testa-och-lara"),
        ("Input.Challenges", "upphandling-och-avtal"),
        ("Input.Lessons", "- Börja smått."),
        ("Input.ContactName", "Kim Kontakt"),
        ("Input.ContactEmail", "kim@umea.se"),
    ];

    /// <summary>Saves a draft by a member of Umeå kommun and takes it as far as <paramref name="until"/>.</summary>
    private static async Task WriteAsync(HttpClient admin, HttpClient author, string title, string until, params (string Name, string Value)[] options)
    {
        var chosen = options.Select(o => o.Name).ToHashSet();
        var saved = await author.SubmitAsync("/rapporter/ny", "Spara utkast", [("Input.Title", title), .. Report.Where(f => !chosen.Contains(f.Name)), .. options]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var path = saved.RequestMessage!.RequestUri!.AbsolutePath;
        if (until == "draft") return;
        await author.SubmitAsync(path, "Skicka för granskning");
        if (until == "review") return;
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(path, "Publicera")).StatusCode);
    }

    private static async Task<LessonsApp> SiteWithEveryKindOfReportAsync(string database)
    {
        var app = await LessonsApp.StartAsync(database);
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Umeå kommun"), "Lägg till", [("Domain", "umea.se")]);
        var author = await app.RegisterAndConfirmAsync("anna.andersson@umea.se");
        await author.SignInAsync("anna.andersson@umea.se");
        await WriteAsync(admin, author, "Öppen rapport om upphandling", "published");
        await WriteAsync(admin, author, "Anonym rapport om upphandling", "published", ("Input.Anonymous", "true"));
        await WriteAsync(admin, author, "Rapport bara för medlemmar", "published", ("Input.MembersOnly", "true"));
        await WriteAsync(admin, author, "Utkast som ingen har skickat", "draft");
        await WriteAsync(admin, author, "Rapport som väntar på granskning", "review");
        return app;
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public async Task The_download_holds_every_public_report_and_never_members_only_or_unpublished_ones(string database)
    {
        await using var app = await SiteWithEveryKindOfReportAsync(database);

        // Asked anonymously; a signed-in member gets the same document, since open data is what anyone may read.
        var member = app.Browser();
        await member.SignInAsync("anna.andersson@umea.se");
        foreach (var client in new[] { app.Browser(), member })
        {
            var document = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports.json");
            var titles = document.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("title").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(["Anonym rapport om upphandling", "Öppen rapport om upphandling"], titles);
        }
    }

    [Fact]
    public async Task An_anonymous_report_is_downloaded_without_its_organisation_or_contact()
    {
        await using var app = await SiteWithEveryKindOfReportAsync(TestDatabases.Sqlite);

        var document = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/reports.json");

        var reports = document.GetProperty("reports").EnumerateArray().ToList();
        var open = reports.Single(r => r.GetProperty("title").GetString() == "Öppen rapport om upphandling");
        Assert.Equal("Umeå kommun", open.GetProperty("organisation").GetString());
        Assert.Equal("kim@umea.se", open.GetProperty("contactEmail").GetString());
        var anonymous = reports.Single(r => r.GetProperty("title").GetString() == "Anonym rapport om upphandling");
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("organisation").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("organisationType").ValueKind);
        Assert.False(anonymous.TryGetProperty("contactEmail", out _));
        Assert.False(anonymous.TryGetProperty("contactName", out _));
        Assert.DoesNotContain("kim@umea.se", anonymous.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_and_its_headers_state_the_CC_BY_licence_and_the_taxonomy_its_keys_come_from()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });

        var response = await app.Browser().GetAsync("/api/v1/reports.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var link = string.Join(", ", response.Headers.GetValues("Link"));
        Assert.Contains("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"", link, StringComparison.Ordinal);
        Assert.Contains("<https://localhost/api/v1/taxonomy>; rel=\"describedby\"", link, StringComparison.Ordinal);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("CC BY 4.0", document.GetProperty("licence").GetProperty("name").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", document.GetProperty("licence").GetProperty("url").GetString());
        Assert.Equal("https://localhost/api/v1/taxonomy", document.GetProperty("taxonomyUrl").GetString());
        var taxonomy = document.GetProperty("taxonomy");
        var keys = (string list) => taxonomy.GetProperty(list).EnumerateArray().Select(t => t.GetProperty("key").GetString()).ToHashSet();
        var reports = document.GetProperty("reports").EnumerateArray().ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, r =>
        {
            Assert.Contains(r.GetProperty("outcome").GetString(), keys("outcomes"));
            Assert.Contains(r.GetProperty("stage").GetString(), keys("stages"));
            Assert.All(r.GetProperty("principles").EnumerateArray(), p => Assert.Contains(p.GetString(), keys("principles")));
            Assert.All(r.GetProperty("challenges").EnumerateArray(), c => Assert.Contains(c.GetString(), keys("challenges")));
        });
        // Every public report is there: as many as the search API counts for an anonymous reader.
        var search = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=1");
        Assert.Equal(search.GetProperty("total").GetInt32(), reports.Count);
    }

    /// <summary>The program as an operator runs a verb, on its own SQLite database in <paramref name="directory"/>.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> VerbAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lessons.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Lessons"] = $"Data Source={Path.Combine(directory, "lessons.db")}";
        start.Environment["DemoContent__Enabled"] = "false";
        start.Environment["Email__PickupDirectory"] = Path.Combine(directory, "mail");
        start.Environment["Search__IndexPath"] = Path.Combine(directory, "index");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_downloaded_document_imports_as_it_is_into_another_installation()
    {
        await using var source = await SiteWithEveryKindOfReportAsync(TestDatabases.Sqlite);
        var directory = TestDatabases.TempDirectory("open-data");
        var file = Path.Combine(directory, "rapporter.json");
        await File.WriteAllBytesAsync(file, await source.Browser().GetByteArrayAsync("/api/v1/reports.json"));

        var imported = await VerbAsync(directory, "import", file);

        Assert.True(imported.ExitCode == 0, imported.Error);
        var again = Path.Combine(directory, "export.json");
        Assert.Equal(0, (await VerbAsync(directory, "export", again)).ExitCode);
        var exported = JsonDocument.Parse(await File.ReadAllTextAsync(again)).RootElement;
        Assert.Equal(["Anonym rapport om upphandling", "Öppen rapport om upphandling"],
            exported.EnumerateArray().Select(r => r.GetProperty("title").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_download()
    {
        await using var app = await LessonsApp.StartAsync();

        var document = await app.Browser().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var download = document.GetProperty("paths").GetProperty("/api/v1/reports.json").GetProperty("get");
        Assert.Contains("CC BY 4.0", download.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var schema = download.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("properties", out _), schema.GetRawText());
    }
}
