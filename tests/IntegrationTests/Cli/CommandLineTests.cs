using System.Diagnostics;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

using Microsoft.Data.Sqlite;

namespace Lessons.IntegrationTests.Cli;

/// <summary>The command verbs as an operator runs them: the real program in its own process, on its own database.</summary>
public sealed class CommandLineTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Data", "relevance-reports.json");

    private sealed record Run(int ExitCode, string Output, string Error);

    private static Task<Run> Lessons(string database, params string[] args) => LessonsIn(Path.GetDirectoryName(database)!, database, args);

    /// <summary>The program started from <paramref name="directory"/>; its own data lives beside <paramref name="database"/>.</summary>
    private static async Task<Run> LessonsIn(string directory, string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lessons.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Lessons"] = $"Data Source={database}";
        start.Environment["DemoContent__Enabled"] = "false";
        start.Environment["Email__PickupDirectory"] = Path.Combine(Path.GetDirectoryName(database)!, "mail");
        start.Environment["Search__IndexPath"] = Path.Combine(Path.GetDirectoryName(database)!, "data", "index");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }

    private static string NewDatabase() => Path.Combine(TestDatabases.TempDirectory("cli"), "lessons.db");

    private static async Task<long> Count(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Import_then_export_into_an_empty_database_round_trips_the_corpus()
    {
        var first = NewDatabase();
        var imported = await Lessons(first, "import", Corpus);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("100 nya", imported.Output, StringComparison.Ordinal);
        Assert.Equal(100, await Count(first, "SELECT COUNT(*) FROM reports WHERE Status = 'published'"));

        var file = Path.Combine(Path.GetDirectoryName(first)!, "export.json");
        Assert.Equal(0, (await Lessons(first, "export", file)).ExitCode);
        var second = NewDatabase();
        Assert.Equal(0, (await Lessons(second, "import", file)).ExitCode);
        var again = Path.Combine(Path.GetDirectoryName(second)!, "export.json");
        Assert.Equal(0, (await Lessons(second, "export", again)).ExitCode);

        Assert.Equal(await File.ReadAllTextAsync(file), await File.ReadAllTextAsync(again));
        var original = JsonDocument.Parse(await File.ReadAllTextAsync(Corpus)).RootElement.EnumerateArray().First(r => r.GetProperty("id").GetString() == "r042");
        var exported = JsonDocument.Parse(await File.ReadAllTextAsync(again)).RootElement.EnumerateArray().First(r => r.GetProperty("id").GetString() == "r042");
        foreach (var field in new[] { "title", "summary", "background", "whatWeDid", "result", "lessons", "recommendations", "outcome", "stage", "year" })
            Assert.Equal(original.GetProperty(field).ToString(), exported.GetProperty(field).ToString());
    }

    [Fact]
    public async Task An_invalid_file_exits_1_listing_each_problem_and_writes_nothing()
    {
        var database = NewDatabase();
        var items = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(await File.ReadAllTextAsync(Corpus))!;
        items[2]["outcome"] = JsonSerializer.SerializeToElement("strålande");
        items[5]["year"] = JsonSerializer.SerializeToElement(1492);
        var file = Path.Combine(Path.GetDirectoryName(database)!, "bad.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(items));

        var run = await Lessons(database, "import", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("inget skrevs", run.Error, StringComparison.Ordinal);
        Assert.Contains("rapport 2 (id r003), outcome", run.Error, StringComparison.Ordinal);
        Assert.Contains("rapport 5 (id r006), year", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await Count(database, "SELECT COUNT(*) FROM reports"));
    }

    [Fact]
    public async Task Bad_input_to_the_verbs_exits_non_zero_with_a_message()
    {
        var database = NewDatabase();
        var notJson = Path.Combine(Path.GetDirectoryName(database)!, "x.json");
        await File.WriteAllTextAsync(notJson, "{ inte json");

        var missing = await Lessons(database, "import", "/finns/inte.json");
        var broken = await Lessons(database, "import", notJson);
        var email = await Lessons(database, "create-admin", "inte-en-adress");
        var usage = await Lessons(database, "import");

        Assert.Equal((1, 1, 1, 2), (missing.ExitCode, broken.ExitCode, email.ExitCode, usage.ExitCode));
        Assert.Contains("finns inte", missing.Error, StringComparison.Ordinal);
        Assert.Contains("inte giltig JSON", broken.Error, StringComparison.Ordinal);
        Assert.Contains("ingen giltig e-postadress", email.Error, StringComparison.Ordinal);
        Assert.Contains("Användning", usage.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("digest")]
    [InlineData("imprt")]
    [InlineData("import", "--bogus", "x.json")]
    [InlineData("generate", "--reports")]
    public async Task An_unknown_verb_or_option_exits_2_with_the_list_of_verbs_and_starts_no_site(params string[] args)
    {
        var database = NewDatabase();

        var run = await Lessons(database, args);

        Assert.Equal(2, run.ExitCode);
        foreach (var verb in new[] { "import", "export", "backup", "create-admin", "reindex", "generate" })
            Assert.Contains($"  {verb} ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "a usage error must not touch the database");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("import", "--help")]
    [InlineData("generate", "--help")]
    public async Task Help_on_the_program_and_on_every_verb_exits_0(params string[] args)
    {
        var run = await Lessons(NewDatabase(), args);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(args[0] == "--help" ? "create-admin" : "--help", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relative_file_names_are_read_against_the_directory_the_command_was_started_in()
    {
        var database = NewDatabase();
        var caller = TestDatabases.TempDirectory("caller");
        File.Copy(Corpus, Path.Combine(caller, "rapporter.json"));

        var imported = await LessonsIn(caller, database, "import", "rapporter.json");
        var exported = await LessonsIn(caller, database, "export", Path.Combine("ut", "export.json"));

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.True(exported.ExitCode == 0, exported.Error);
        Assert.True(File.Exists(Path.Combine(caller, "ut", "export.json")));
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_that_opens_on_its_own()
    {
        var database = NewDatabase();
        Assert.Equal(0, (await Lessons(database, "import", Corpus)).ExitCode);
        var copy = Path.Combine(Path.GetDirectoryName(database)!, "backup", "kopia.db");

        var run = await Lessons(database, "backup", copy);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(100, await Count(copy, "SELECT COUNT(*) FROM reports"));
        Assert.Equal(650, await Count(copy, "SELECT COUNT(*) FROM organisations"));
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_who_can_sign_in_and_promotes_an_existing_account()
    {
        var database = NewDatabase();
        var created = await Lessons(database, "create-admin", "chef@exempel.se");
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("Tillfälligt lösenord", created.Output, StringComparison.Ordinal);

        var again = await Lessons(database, "create-admin", "chef@exempel.se");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("är nu administratör", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, await Count(database,
            "SELECT COUNT(*) FROM AspNetUserRoles ur JOIN AspNetUsers u ON u.Id = ur.UserId WHERE u.Email = 'chef@exempel.se'"));
    }

    [Fact]
    public async Task Generate_makes_the_same_synthetic_corpus_for_the_same_seed_and_another_for_another()
    {
        async Task<string> Corpus(int seed)
        {
            var database = NewDatabase();
            var run = await Lessons(database, "generate", "--reports", "40", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(run.ExitCode == 0, run.Error);
            var file = Path.Combine(Path.GetDirectoryName(database)!, "export.json");
            Assert.Equal(0, (await Lessons(database, "export", file)).ExitCode);
            return await File.ReadAllTextAsync(file);
        }

        var first = await Corpus(7);
        Assert.Equal(first, await Corpus(7));
        Assert.NotEqual(first, await Corpus(8));
        var reports = JsonDocument.Parse(first).RootElement;
        Assert.Equal(40, reports.GetArrayLength());
        Assert.All(reports.EnumerateArray(), r => Assert.StartsWith("Synt", r.GetProperty("organisation").GetString(), StringComparison.Ordinal));
        Assert.Equal(1, (await Lessons(NewDatabase(), "generate", "--reports", "0", "--seed", "1")).ExitCode);
        Assert.Equal(1, (await Lessons(NewDatabase(), "generate", "--reports", "10", "--seed", "x")).ExitCode);
    }

    [Fact]
    public async Task Reindex_rebuilds_the_index_and_refuses_an_index_in_use()
    {
        var database = NewDatabase();
        Assert.Equal(0, (await Lessons(database, "import", Corpus)).ExitCode);

        var run = await Lessons(database, "reindex");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("100 publicerade rapporter", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(database)!, "data", "index", "segments.gen")));

        var index = Path.Combine(Path.GetDirectoryName(database)!, "data", "index", "lessons.lock");
        await using (new FileStream(index, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var busy = await Lessons(database, "reindex");
            Assert.Equal(1, busy.ExitCode);
            Assert.Contains("in use by another process", busy.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Generating_from_real_reports_varies_them_and_never_names_a_real_organisation()
    {
        var database = NewDatabase();
        var generated = await Lessons(database, "generate", "--reports", "300", "--seed", "2", "--from", Corpus);
        Assert.True(generated.ExitCode == 0, generated.Error);

        Assert.Equal(300, await Count(database, "SELECT COUNT(*) FROM reports WHERE Status = 'published'"));
        // Varied: far more distinct texts than the 100 they come from, each still one of the corpus's reports.
        Assert.True(await Count(database, "SELECT COUNT(DISTINCT title || background || what_we_did || result) FROM reports") > 250);
        // A report's own organisation is replaced in its text (other organisations it worked with may stay named).
        var sources = JsonDocument.Parse(await File.ReadAllTextAsync(Corpus)).RootElement.EnumerateArray().ToList();
        string Text(JsonElement r) => string.Join('\n', new[] { "title", "summary", "background", "whatWeDid", "result" }
            .Select(p => r.TryGetProperty(p, out var v) ? v.GetString() : ""));
        var ownNames = sources.Select(r => r.GetProperty("organisation").GetString()!).Distinct()
            .Where(name => sources.Count(r => Text(r).Contains(name, StringComparison.Ordinal)) == sources.Count(r => r.GetProperty("organisation").GetString() == name
                && Text(r).Contains(name, StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(ownNames);
        Assert.Equal(0, await Count(database,
            "SELECT COUNT(*) FROM reports r JOIN organisations o ON o.Id = r.OrganisationId WHERE o.Name NOT LIKE 'Synte%'"));
        foreach (var name in ownNames)
        {
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM reports WHERE instr(title || summary || background || what_we_did || result, $name) > 0";
            command.Parameters.AddWithValue("$name", name);
            Assert.True((long)(await command.ExecuteScalarAsync())! == 0, $"a generated report names {name}");
        }
    }
}
