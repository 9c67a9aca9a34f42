using System.Data.Common;
using System.Globalization;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection gets the Swedish collation (å, ä, ö after z; case-insensitive) and the pragmas we rely on.
/// WAL itself is a property of the file and is set once at start.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private static readonly CompareInfo Swedish = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Setup(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Setup(connection);
        return Task.CompletedTask;
    }

    private static void Setup(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        sqlite.CreateCollation(LessonsDbContext.SwedishCollation,
            (a, b) => Swedish.Compare(a, b, CompareOptions.IgnoreCase));
        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
