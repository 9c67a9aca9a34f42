using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lessons.Infrastructure.Persistence;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the running host configures the contexts from settings.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLessonsDbContext>
{
    public SqliteLessonsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLessonsDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLessonsDbContext>
{
    public PostgresLessonsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLessonsDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
