using Lessons.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lessons.UnitTests.Persistence;

/// <summary>
/// The model lives three times: in the configurations, in each provider's migrations, and in each compiled model.
/// A change to the first without the other two fails here, not at an operator's start-up.
/// </summary>
public sealed class ModelTests
{
    [Fact]
    public void The_SQLite_migrations_and_compiled_model_match_the_configured_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        AssertMatches(db, Infrastructure.Persistence.CompiledModels.Sqlite.SqliteLessonsDbContextModel.Instance);
    }

    [Fact]
    public void The_PostgreSQL_migrations_and_compiled_model_match_the_configured_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        AssertMatches(db, Infrastructure.Persistence.CompiledModels.Postgres.PostgresLessonsDbContextModel.Instance);
    }

    private static void AssertMatches(LessonsDbContext db, IModel compiled)
    {
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration: add one for both providers");
        var configured = db.GetService<IDesignTimeModel>().Model;
        // The compiled model is stale if any table or column differs: run dotnet ef dbcontext optimize (operators-guide.md).
        Assert.Equal(Columns(configured), Columns(compiled));
    }

    private static List<string> Columns(IModel model) =>
    [
        .. model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"))
            .Order(StringComparer.Ordinal),
    ];
}
