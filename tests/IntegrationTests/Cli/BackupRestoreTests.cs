using System.Diagnostics;

using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace Lessons.IntegrationTests.Cli;

/// <summary>The operator's guide's backup and restore, followed step by step: the same site comes back.</summary>
public sealed class BackupRestoreTests
{
    private static async Task<(int ExitCode, string Output)> Run(string program, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static async Task<IReadOnlyList<(Guid, string)>> Found(TestApp app, string? text) =>
        [.. (await app.Send(new SearchReportsQuery { Text = text })).Items.Select(h => (h.Report.Id, h.Report.Title))];

    [Theory, ClassData(typeof(Databases))]
    public async Task A_backup_restored_into_an_empty_database_brings_back_the_same_reports_found_by_search(string database)
    {
        var folder = TestDatabases.TempDirectory("backup");
        var backup = Path.Combine(folder, database == TestDatabases.Sqlite ? "lessons-backup.db" : "lessons-backup.dump");
        IReadOnlyList<(Guid, string)> everything, cameras;
        await using (var app = await TestApp.StartAsync(database))
        {
            var editor = await app.Member("Umeå kommun", editor: true);
            foreach (var title in new[] { "Digitala lås i hemtjänsten", "Nattkameror i äldreboendet", "Läsplattor i hemtjänstens planering" })
                await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title)))));
            await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Ett utkast som inte är publicerat")));
            everything = await Found(app, null);
            cameras = await Found(app, "nattkameror");
            var connection = await app.WithDb(db => Task.FromResult(db.Database.GetConnectionString()!));

            var run = await Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "Lessons.Web.dll"), "backup", backup], new Dictionary<string, string>
            {
                ["Database__Provider"] = database,
                ["ConnectionStrings__Lessons"] = connection,
                ["DemoContent__Enabled"] = "false",
                ["Search__IndexPath"] = TestDatabases.TempDirectory("index"),
                ["Email__PickupDirectory"] = TestDatabases.TempDirectory("mail"),
            });
            Assert.True(run.ExitCode == 0, run.Output);
        }
        Assert.Equal(3, everything.Count);
        Assert.NotEmpty(cameras);

        // The guide's restore: SQLite, the backup file in place of the database; PostgreSQL, pg_restore into a new database.
        string restored;
        if (database == TestDatabases.Sqlite)
        {
            var file = Path.Combine(TestDatabases.TempDirectory("restored"), "lessons.db");
            File.Copy(backup, file);
            restored = $"Data Source={file}";
        }
        else
        {
            var cluster = await Requires.Postgres();
            restored = await cluster.CreateDatabaseAsync();
            var target = new NpgsqlConnectionStringBuilder(restored);
            var run = await Run(Path.Combine(PostgresCluster.BinDirectory!, "pg_restore"),
                ["--no-owner", "-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", target.Database!, backup]);
            Assert.True(run.ExitCode == 0, run.Output);
        }

        // A node with an empty index directory, as after a restore: it rebuilds from the database.
        await using var node = await TestApp.StartAsync(database, new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = restored });
        Assert.Equal(everything, await Found(node, null));
        Assert.Equal(cameras, await Found(node, "nattkameror"));
        Assert.Equal(4, await node.WithDb(db => db.Reports.CountAsync()));
    }
}
