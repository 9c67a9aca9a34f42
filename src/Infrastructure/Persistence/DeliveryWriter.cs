using Lessons.Application.Common.Ports;
using Lessons.Domain.Subscriptions;
using Lessons.Infrastructure.Persistence.Configurations;

using Microsoft.EntityFrameworkCore;

using Npgsql;

using NpgsqlTypes;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Writes composed deliveries in bulk. On PostgreSQL a binary <c>COPY</c> into the table; when a delivery another run
/// made meanwhile is in the way, the batch again by <c>COPY</c> into a temporary table and one
/// <c>INSERT … ON CONFLICT DO NOTHING</c> from it, in one transaction, so the database skips that one. On SQLite (one node, small
/// runs) EF's inserts, falling back to one at a time when the batch meets a taken (subscriber, week).
/// </summary>
internal sealed class DeliveryWriter(LessonsDbContext db) : IDeliveryWriter
{
    public async Task<int> AddSkippingTakenAsync(IReadOnlyList<DigestDelivery> deliveries, CancellationToken ct)
    {
        if (deliveries.Count == 0) return 0;
        return db.Database.IsNpgsql() ? await CopyAsync(deliveries, ct) : await SaveAsync(deliveries, ct);
    }

    private async Task<int> CopyAsync(IReadOnlyList<DigestDelivery> deliveries, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Straight into the table first: almost always nobody else has written any of these (subscriber, week)s, and a
        // staging table would make the database store (and TOAST) every mail twice. A row another run wrote meanwhile
        // fails the whole COPY on the unique key; then the batch goes through the staging table, which drops it.
        try
        {
            await using var direct = await db.Database.BeginTransactionAsync(ct);
            await CopyRowsAsync(connection, "digest_deliveries", deliveries, ct);
            await direct.CommitAsync(ct);
            return deliveries.Count;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Rolled back with its transaction: written again below, without the rows that are taken.
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Compression and storage as in the table itself, so values are compressed once, the way the table keeps them.
        await db.Database.ExecuteSqlRawAsync(
            """
            CREATE TEMP TABLE IF NOT EXISTS digest_deliveries_staging
            (LIKE digest_deliveries INCLUDING DEFAULTS INCLUDING COMPRESSION INCLUDING STORAGE) ON COMMIT DELETE ROWS
            """, ct);
        await CopyRowsAsync(connection, "digest_deliveries_staging", deliveries, ct);
        var written = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO digest_deliveries SELECT * FROM digest_deliveries_staging ON CONFLICT DO NOTHING", ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    private static async Task CopyRowsAsync(NpgsqlConnection connection, string table, IReadOnlyList<DigestDelivery> deliveries, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"""
            COPY {table} ("Id", "RunId", "SubscriberId", "IsoWeek", "WindowStart", "WindowEnd", "Status",
                "Subject", "HtmlBody", "TextBody", "ReportIds", "ComposedAt", "Attempts") FROM STDIN (FORMAT BINARY)
            """, ct);
        foreach (var d in deliveries)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(d.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(d.RunId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(d.SubscriberId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(d.IsoWeek, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(d.WindowStart.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(d.WindowEnd.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync("composed", NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(d.Subject, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(d.HtmlBody, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(d.TextBody, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(GuidBytes.ToBytes(d.ReportIds), NpgsqlDbType.Bytea, ct);
            await copy.WriteAsync(d.ComposedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(d.Attempts, NpgsqlDbType.Integer, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private async Task<int> SaveAsync(IReadOnlyList<DigestDelivery> deliveries, CancellationToken ct)
    {
        var written = 0;
        try
        {
            db.DigestDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync(ct);
            written = deliveries.Count;
        }
        catch (DbUpdateException)
        {
            foreach (var d in deliveries) db.Entry(d).State = EntityState.Detached;
            foreach (var d in deliveries)
            {
                db.DigestDeliveries.Add(d);
                try
                {
                    await db.SaveChangesAsync(ct);
                    written++;
                }
                catch (DbUpdateException)
                {
                    // Taken by another run: dropped.
                }
                db.Entry(d).State = EntityState.Detached;
            }
        }
        // Written rows are let go, so memory stays flat over a run of any size and each save only looks at its batch.
        foreach (var d in deliveries) db.Entry(d).State = EntityState.Detached;
        return written;
    }
}
