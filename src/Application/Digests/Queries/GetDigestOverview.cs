using Lessons.Application.Common.Security;
using Lessons.Application.Digests.Commands;
using Lessons.Domain.Subscriptions;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Digests.Queries;

/// <summary>One run as administrators see it: when, which week, and how far its deliveries came.</summary>
public sealed record DigestRunSummary(
    Guid Id, string IsoWeek, DateTimeOffset Cutoff, bool Manual, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    int Composed, int Waiting, int Sent, int Failed, int Stuck);

/// <summary>
/// A delivery left in <c>sending</c>: nobody knows whether the server took it, so it is never resent by itself (or one
/// an administrator's resend left waiting after a transient failure).
/// <see cref="MayResend"/> is false while a node still holds the run's lease (the message may be in flight).
/// </summary>
public sealed record StuckDelivery(
    Guid Id, Guid RunId, string IsoWeek, string Email, string Subject, DeliveryStatus Status, DateTimeOffset? SendingAt, int Attempts,
    string? LastError, bool MayResend);

public sealed record SuspendedAddress(string Email, int PermanentFailures);

public sealed record DigestOverview(IReadOnlyList<DigestRunSummary> Runs, IReadOnlyList<StuckDelivery> Stuck, IReadOnlyList<SuspendedAddress> Suspended);

/// <summary>The administrators' view of the digest: the latest runs with their counts, what is stuck, who is suspended.</summary>
public sealed record GetDigestOverviewQuery(int Runs = 20) : IRequest<DigestOverview>, IRequireAdmin;

internal sealed class GetDigestOverviewHandler(Common.Ports.ILessonsDbContext db, TimeProvider clock)
    : IRequestHandler<GetDigestOverviewQuery, DigestOverview>
{
    public async ValueTask<DigestOverview> Handle(GetDigestOverviewQuery query, CancellationToken ct)
    {
        var runs = await db.DigestRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(Math.Clamp(query.Runs, 1, 200)).ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var counts = (await db.DigestDeliveries.AsNoTracking().Where(d => ids.Contains(d.RunId))
                .GroupBy(d => new { d.RunId, d.Status }).Select(g => new { g.Key.RunId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(c => c.RunId);
        var summaries = runs.Select(r =>
        {
            int Of(DeliveryStatus s) => counts[r.Id].Where(c => c.Status == s).Sum(c => c.Count);
            return new DigestRunSummary(r.Id, r.IsoWeek, r.Cutoff, r.ScheduleKey is null, r.CreatedAt, r.CompletedAt,
                counts[r.Id].Sum(c => c.Count), Of(DeliveryStatus.Composed), Of(DeliveryStatus.Sent), Of(DeliveryStatus.Failed), Of(DeliveryStatus.Sending));
        }).ToList();

        var now = clock.GetUtcNow();
        var stuck = await (
            from d in db.DigestDeliveries.AsNoTracking()
            join s in db.Subscribers.AsNoTracking() on d.SubscriberId equals s.Id
            join r in db.DigestRuns.AsNoTracking() on d.RunId equals r.Id
            where d.Status == DeliveryStatus.Sending || (d.Status == DeliveryStatus.Composed && r.CompletedAt != null)
            orderby d.SendingAt
            select new { d.Id, d.RunId, d.IsoWeek, s.Email, d.Subject, d.Status, d.SendingAt, d.Attempts, d.LastError, r.CompletedAt, r.LeaseOwner, r.LeaseExpiresAt })
            .Take(500).ToListAsync(ct);
        var suspended = await db.Subscribers.AsNoTracking().Where(s => s.Status == SubscriberStatus.Suspended)
            .OrderBy(s => s.Email).Select(s => new SuspendedAddress(s.Email, s.PermanentFailures)).Take(500).ToListAsync(ct);
        return new DigestOverview(summaries,
            [.. stuck.Select(d => new StuckDelivery(d.Id, d.RunId, d.IsoWeek, d.Email, d.Subject, d.Status, d.SendingAt, d.Attempts, d.LastError,
                ResendDigestDeliveryHandler.Idle(d.CompletedAt, d.LeaseOwner, d.LeaseExpiresAt, now)))],
            suspended);
    }
}
