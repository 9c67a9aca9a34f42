using Lessons.Application;
using Lessons.Application.Common.Ports;
using Lessons.Infrastructure;
using Lessons.Infrastructure.Persistence;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Npgsql;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// Real databases, isolated cheaply: each provider is migrated and seeded (registry, roles) once into a template;
/// every test then gets its own copy (a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL).
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"lessons-tests-{Environment.ProcessId}");
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);
    private static int files;

    static TestDatabases()
    {
        Directory.CreateDirectory(Root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Root, true); } catch (IOException) { }
        };
    }

    public static string TempDirectory(string name)
    {
        var path = Path.Combine(Root, $"{name}-{Interlocked.Increment(ref files)}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A fresh, migrated database with the organisation registry and no demo content.</summary>
    public static async Task<string> CreateAsync(string provider)
    {
        if (provider == Sqlite)
        {
            var template = await SqliteTemplate.Value;
            var file = Path.Combine(Root, $"db-{Interlocked.Increment(ref files)}.db");
            File.Copy(template, file);
            return $"Data Source={file}";
        }
        var cluster = await Requires.Postgres();
        await PostgresTemplate.Value;
        return await cluster.CreateDatabaseAsync("lessons_template");
    }

    /// <summary>An empty database with no schema at all: for the start-up and migration tests.</summary>
    public static async Task<string> CreateEmptyAsync(string provider) =>
        provider == Sqlite
            ? $"Data Source={Path.Combine(Root, $"empty-{Interlocked.Increment(ref files)}.db")}"
            : await (await Requires.Postgres()).CreateDatabaseAsync();

    public static Dictionary<string, string?> Settings(string provider, string connectionString) => new()
    {
        ["Database:Provider"] = provider,
        ["ConnectionStrings:Lessons"] = connectionString,
        ["DemoContent:Enabled"] = "false",
        ["Email:Delivery"] = "Pickup",
        ["Search:IndexPath"] = TempDirectory("index"),     // every app, like every node, has an index of its own
        ["Search:ParallelFrom"] = "0",                      // searches split over the cores however small the index
        ["Search:StartDelaySeconds"] = "0",                 // the index opens at once: a test searches within its first seconds
        ["Digest:FirstCheckDelay"] = "00:00:00",            // the scheduler's tests watch its first check
    };

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var file = Path.Combine(Root, "template.db");
        await InitialiseAsync(Sqlite, $"Data Source={file}");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        return file;
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var cluster = await PostgresCluster.Shared.Value;
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE DATABASE lessons_template";
            await command.ExecuteNonQueryAsync();
        }
        await InitialiseAsync(Postgres, cluster.ConnectionString("lessons_template"));
        NpgsqlConnection.ClearAllPools();      // a template must have no open connections to be copied
        return "lessons_template";
    }

    private static async Task InitialiseAsync(string provider, string connectionString)
    {
        await using var services = Services(Settings(provider, connectionString));
        await services.InitialiseDatabaseAsync();
    }

    /// <summary>Application and Infrastructure alone, without the web host, on the given settings: for tests that
    /// migrate, seed or inspect a database the way the program's start does.</summary>
    public static ServiceProvider Services(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ICurrentUser>(new TestCurrentUser())
            .AddApplication()
            .AddInfrastructure(configuration)
            .BuildServiceProvider();
    }
}
