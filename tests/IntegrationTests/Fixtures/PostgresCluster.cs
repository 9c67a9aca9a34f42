using System.Diagnostics;

using Npgsql;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// A throw-away PostgreSQL cluster on 127.0.0.1 and a free port, started once per test run with durability off
/// (it is thrown away), and stopped when the run ends. Each test gets its own database copied from a migrated template.
/// </summary>
public sealed class PostgresCluster
{
    public static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync);

    private readonly string directory;
    private readonly string bin;
    private int databases;

    private PostgresCluster(string directory, string bin, int port)
    {
        this.directory = directory;
        this.bin = bin;
        Port = port;
    }

    public int Port { get; }

    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;

    public static bool IsInstalled => BinDirectory is not null;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>A new empty database, or a copy of <paramref name="template"/>.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var bin = BinDirectory!;
        var directory = Path.Combine(Path.GetTempPath(), $"lessons-pg-{Environment.ProcessId}");
        if (Directory.Exists(directory)) Directory.Delete(directory, true);
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await Run("chown", "postgres:postgres", directory);   // PostgreSQL refuses to run as root

        await RunAs(asRoot, Path.Combine(bin, "initdb"), "-D", Path.Combine(directory, "data"), "-U", "postgres",
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        var port = LoopbackPorts.Free();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAs(asRoot, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(directory, "data"), "-o", options,
            "-l", Path.Combine(directory, "log"), "-w", "start");
        var cluster = new PostgresCluster(directory, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);
        return cluster;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            RunAs(asRoot, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(directory, "data"), "-m", "immediate", "stop").Wait(10_000);
            Directory.Delete(directory, true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or AggregateException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless; the run is over.
        }
    }


    private static Task RunAs(bool asRoot, string file, params string[] args) =>
        asRoot ? Run("runuser", ["-u", "postgres", "--", file, .. args]) : Run(file, args);

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
    }
}
