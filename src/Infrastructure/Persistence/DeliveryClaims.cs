using Lessons.Application.Common.Ports;
using Lessons.Domain.Subscriptions;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Claims a run's composed deliveries by moving them to <c>sending</c> in the database itself. On PostgreSQL one
/// statement with <c>FOR UPDATE SKIP LOCKED</c>: several nodes sending one run take disjoint rows without waiting. On
/// SQLite (one node by design) a conditional update per row, so even two processes never take the same row. On
/// PostgreSQL the claiming statement returns the rows too, so each delivery's tens of KB are read once.
/// </summary>
internal sealed class DeliveryClaims(LessonsDbContext db) : IDeliveryClaims
{
    public async Task<IReadOnlyList<DigestDelivery>> ClaimAsync(
        Guid runId, int count, DateTimeOffset now, IReadOnlyCollection<Guid> skip, CancellationToken ct)
    {
        var skipped = skip.ToArray();
        if (db.Database.IsNpgsql())
        {
            var rows = await db.DigestDeliveries.FromSql($"""
                UPDATE digest_deliveries SET "Status" = 'sending', "SendingAt" = {now}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM digest_deliveries
                    WHERE "RunId" = {runId} AND "Status" = 'composed' AND NOT ("Id" = ANY({skipped}))
                    ORDER BY "Id" LIMIT {count}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).ToListAsync(ct);
            return [.. rows.OrderBy(d => d.Id)];
        }
        var candidates = await db.DigestDeliveries.AsNoTracking()
            .Where(d => d.RunId == runId && d.Status == DeliveryStatus.Composed && !skipped.Contains(d.Id))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(count).ToListAsync(ct);
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var taken = await db.DigestDeliveries.Where(d => d.Id == id && d.Status == DeliveryStatus.Composed)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.SendingAt, (DateTimeOffset?)now)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (taken == 1) claimed.Add(id);
        }
        return await db.DigestDeliveries.Where(d => claimed.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct);
    }
}
