using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>Each node's share of PostgreSQL's connections: N nodes × pool + reserve must fit in max_connections.</summary>
public sealed class ConnectionPoolTests
{
    private static int PoolOf(string connectionString, string? maxPoolSize)
    {
        var settings = TestDatabases.Settings(TestDatabases.Postgres, connectionString);
        if (maxPoolSize is not null) settings["Database:MaxPoolSize"] = maxPoolSize;
        using var services = TestDatabases.Services(settings);
        using var scope = services.CreateScope();
        // The connection string the context opens its connections with; nothing is opened here.
        var used = scope.ServiceProvider.GetRequiredService<LessonsDbContext>().Database.GetConnectionString();
        return new NpgsqlConnectionStringBuilder(used).MaxPoolSize;
    }

    private const string Server = "Host=db.internal;Database=lessons;Username=lessons";

    [Fact]
    public void Database_MaxPoolSize_sizes_the_PostgreSQL_pool() =>
        Assert.Equal(12, PoolOf(Server, "12"));

    [Fact]
    public void Without_the_setting_a_node_holds_at_most_30_connections_not_Npgsqls_100() =>
        Assert.Equal(30, PoolOf(Server, null));

    [Fact]
    public void A_pool_size_written_in_the_connection_string_wins_over_the_setting() =>
        Assert.Equal(7, PoolOf(Server + ";MaxPoolSize=7", "12"));
}
