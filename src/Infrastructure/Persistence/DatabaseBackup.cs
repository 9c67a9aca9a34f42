using System.Diagnostics;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

using Npgsql;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// A consistent copy of the database while the site runs: SQLite's online backup API, or pg_dump (custom format,
/// restore with pg_restore) for PostgreSQL.
/// </summary>
public static class DatabaseBackup
{
    public static async Task WriteAsync(LessonsDbContext db, string file, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (db.Database.IsSqlite())
        {
            if (File.Exists(target)) File.Delete(target);
            await using var source = new SqliteConnection(db.Database.GetConnectionString());
            await source.OpenAsync(ct);
            await using var destination = new SqliteConnection($"Data Source={target};Pooling=False");
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            return;
        }

        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--format=custom", "--no-owner", "--file", target, "--host", cs.Host ?? "localhost",
                "--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", cs.Username ?? "postgres",
                cs.Database ?? "lessons" },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!string.IsNullOrEmpty(cs.Password)) start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump could not be started.");
        var errors = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_dump failed: {errors.Trim()}");
    }
}
