using Lessons.Application.Common.Ports;
using Lessons.Application.Subscriptions;
using Lessons.Domain.Subscriptions;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lessons.Application.Digests;

/// <summary>How far a run has come. Deliveries left in <c>sending</c> are stuck: a crash came between claim and answer.</summary>
public sealed record DigestRunCounts(
    Guid RunId, string IsoWeek, DateTimeOffset Cutoff, bool Manual, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    int Composed, int Waiting, int Sent, int Failed, int Stuck);

/// <summary>This process's name in run leases. Two nodes (or two processes) never share one.</summary>
public sealed class DigestNode
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// Working one run: the lease, composing every due subscriber's delivery, and sending them. Only the node that holds
/// the run's lease works it; a lease not renewed in time (a node that died) is taken over by the next check.
/// </summary>
internal sealed class DigestRunWork(
    ILessonsDbContext db, DigestComposer composer, IDeliveryClaims claims, IEmailSender email, SubscriptionMails mails,
    ISiteAddress site, DigestNode node, IOptions<DigestOptions> options, TimeProvider clock, IServiceScopeFactory scopes)
{
    // Small enough that a batch's rendered mails (tens of KB each) stay a few MB, large enough that round trips do not count.
    private const int ComposeBatch = 250;

    /// <summary>
    /// Takes or renews the lease by one conditional UPDATE, the same rule as <see cref="DigestRun.TryTakeLease"/>: two
    /// nodes reading a free lease at once cannot both take it, as a read-modify-write on the entity could.
    /// </summary>
    public Task<bool> TryLeaseAsync(Guid runId, CancellationToken ct) => TryLeaseAsync(db, runId, ct);

    private async Task<bool> TryLeaseAsync(ILessonsDbContext db, Guid runId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.LeaseLength;
        var me = node.Id;
        return await db.DigestRuns
            .Where(r => r.Id == runId && r.CompletedAt == null && (r.LeaseOwner == null || r.LeaseOwner == me || r.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, me).SetProperty(r => r.LeaseExpiresAt, until), ct) == 1;
    }

    /// <summary>Composes, sends and completes a run, if this node gets its lease. False when another node works it.</summary>
    public async Task<bool> WorkAsync(Guid runId, CancellationToken ct)
    {
        if (!await TryLeaseAsync(runId, ct)) return false;
        var run = await db.DigestRuns.SingleAsync(r => r.Id == runId, ct);
        if (run.ComposedAt is null)
        {
            if (!await ComposeAsync(run, ct)) return true;
            run.MarkComposed(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        if (!await SendAsync(run, ct)) return true;
        var waiting = await db.DigestDeliveries.AnyAsync(d => d.RunId == run.Id && d.Status == DeliveryStatus.Composed, ct);
        if (waiting)
        {
            // Transient failures wait for the next check, on whichever node takes the lease then.
            await db.DigestRuns.Where(r => r.Id == run.Id && r.LeaseOwner == node.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null), ct);
            return true;
        }
        run.Complete(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>One delivery per due subscriber with something new, each written with its rendered mail.</summary>
    private async Task<bool> ComposeAsync(DigestRun run, CancellationToken ct)
    {
        var due = composer.Due(run.IsoWeek, run.Cutoff);
        var windows = await composer.WindowsAsync(due, run.Cutoff, ct);
        if (windows.Count == 0) return true;
        var from = windows.Min(w => w.WindowStart);
        var follows = db.Follows.Where(f => due.Select(s => s.Id).Contains(f.SubscriberId));
        var matches = await composer.MatchAsync(from, run.Cutoff, follows, ct);
        if (matches.Count == 0) return true;

        var mayReadMembersOnly = await composer.MembersOnlyReadersAsync(ct);
        var fragments = composer.Fragments();
        var batches = windows.Chunk(ComposeBatch).ToList();
        var next = -1;
        var lost = false;
        // Each worker takes the next batch, composes it and writes it with its own connection, so both cores compose
        // while the database writes; the matches and the rendered entries are shared and read-only but for the cache.
        async Task WorkerAsync()
        {
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<ILessonsDbContext>();
            var writes = scope.ServiceProvider.GetRequiredService<IDeliveryWriter>();
            int i;
            while (!Volatile.Read(ref lost) && (i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var batch = batches[i];
                var ids = batch.Select(b => b.Id).ToList();
                var followsOf = (await own.Follows.AsNoTracking().Where(f => ids.Contains(f.SubscriberId))
                        .Select(f => new { f.SubscriberId, f.Kind, f.Key }).ToListAsync(ct))
                    .ToLookup(f => f.SubscriberId, f => (f.Kind, f.Key));
                var added = new List<DigestDelivery>();
                foreach (var subscriber in batch)
                {
                    var digest = await composer.ComposeAsync(subscriber, run.Cutoff, [.. followsOf[subscriber.Id]],
                        mayReadMembersOnly(subscriber), matches, fragments, ct);
                    if (digest is null) continue;
                    added.Add(new DigestDelivery(Guid.NewGuid(), run, subscriber.Id, subscriber.WindowStart,
                        digest.Content.Subject, digest.Html, digest.Text, digest.ReportIds, clock.GetUtcNow()));
                }
                await writes.AddSkippingTakenAsync(added, ct);
                if (!await TryLeaseAsync(own, run.Id, ct)) Volatile.Write(ref lost, true);
            }
        }
        var workers = Math.Clamp(options.Value.ComposeWorkers, 1, Math.Max(1, batches.Count));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkerAsync, ct)));
        return !lost;
    }

    /// <summary>
    /// Claims composed deliveries a few at a time and sends them over one batch (one SMTP connection). A claimed row
    /// is <c>sending</c> until the server has answered: if the process dies in between, the row stays there and is
    /// never sent again by itself (at most once), since nobody can know whether the server took the message.
    /// The answers of a chunk are written together once the chunk is through (one round trip of batched UPDATEs
    /// instead of a transaction per message): a crash in the middle of a chunk leaves the chunk's messages that were
    /// already handed over in <c>sending</c> too, reported as stuck, and never sent twice.
    /// </summary>
    private async Task<bool> SendAsync(DigestRun run, CancellationToken ct)
    {
        var retryLater = new List<Guid>();
        IEmailBatch? batch = null;
        try
        {
            while (true)
            {
                var deliveries = await claims.ClaimAsync(run.Id, Math.Max(1, options.Value.SendChunk), clock.GetUtcNow(), retryLater, ct);
                if (deliveries.Count == 0) return true;
                batch ??= await email.OpenBatchAsync(ct);
                var subscriberIds = deliveries.Select(d => d.SubscriberId).ToList();
                var subscribers = await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
                try
                {
                    foreach (var delivery in deliveries)
                    {
                        var result = await HandOverAsync(batch, delivery, subscribers[delivery.SubscriberId], ct);
                        if (result.Outcome == SendOutcome.TransientFailure) retryLater.Add(delivery.Id);
                    }
                }
                finally
                {
                    // Written even when the run is being stopped: every answer received is recorded, so only the
                    // message in flight (if any) is left in sending.
                    await db.SaveChangesAsync(CancellationToken.None);
                }
                foreach (var d in deliveries) db.DigestDeliveries.Entry(d).State = EntityState.Detached;
                foreach (var s in subscribers.Values) db.Subscribers.Entry(s).State = EntityState.Detached;
                if (!await TryLeaseAsync(run.Id, ct)) return false;
            }
        }
        finally
        {
            if (batch is not null) await batch.DisposeAsync();
        }
    }

    /// <summary>
    /// The one way a claimed delivery (in <c>sending</c>, saved) is sent, for a run and for an administrator's resend:
    /// handed to SMTP unless the subscriber stopped receiving digests meanwhile, and the answer written at once.
    /// </summary>
    public async Task<SendResult> SendClaimedAsync(IEmailBatch batch, DigestDelivery delivery, Subscriber subscriber, CancellationToken ct)
    {
        var result = await HandOverAsync(batch, delivery, subscriber, ct);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Hands a claimed delivery to SMTP and records the answer on the delivery and the subscriber, unsaved.</summary>
    private async Task<SendResult> HandOverAsync(IEmailBatch batch, DigestDelivery delivery, Subscriber subscriber, CancellationToken ct)
    {
        SendResult result;
        if (!subscriber.ReceivesDigests)
        {
            // Unsubscribed (or suspended) between composing and sending: that wish wins.
            result = new SendResult(SendOutcome.PermanentFailure, "Prenumerationen avslutades innan brevet skickades.");
            delivery.MarkFailed(result.Reason!, permanent: true);
        }
        else
        {
            result = await batch.SendAsync(Message(delivery, subscriber), ct);
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    delivery.MarkSent(clock.GetUtcNow());
                    subscriber.RecordDelivered();
                    break;
                case SendOutcome.TransientFailure:
                    // Back to composed: the next check (or, for a resend, the administrator) tries again.
                    delivery.MarkFailed(result.Reason ?? "Tillfälligt fel", permanent: false);
                    break;
                default:
                    delivery.MarkFailed(result.Reason ?? "Adressen tar inte emot e-post", permanent: true);
                    subscriber.RecordPermanentFailure(Math.Max(1, options.Value.SuspendAfter));
                    break;
            }
        }
        return result;
    }

    /// <summary>The stored mail with its list headers: one-click unsubscribe (RFC 8058), a mailto (RFC 2369) and List-Id.</summary>
    public EmailMessage Message(DigestDelivery delivery, Subscriber subscriber, string? to = null)
    {
        var host = new Uri(site.Base).Host;
        var mailbox = options.Value.UnsubscribeMailbox is { Length: > 0 } m ? m : "unsubscribe@" + host;
        // The link the stored text carries already was signed for this subscriber when the digest was composed.
        var unsubscribe = DigestText.UnsubscribeLinkIn(delivery.TextBody) ?? mails.UnsubscribeLink(subscriber.Id);
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>, <mailto:{mailbox}?subject=unsubscribe>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            ["List-Id"] = $"Lessons veckobrev <digest.{host}>",
        };
        return new EmailMessage(to ?? subscriber.Email, delivery.Subject, delivery.TextBody, delivery.HtmlBody, headers,
            delivery.MessageId(host).Trim('<', '>'));
    }

    public async Task<DigestRunCounts> CountsAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.DigestRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var counts = await db.DigestDeliveries.AsNoTracking().Where(d => d.RunId == runId)
            .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        int Of(DeliveryStatus s) => counts.GetValueOrDefault(s);
        return new DigestRunCounts(run.Id, run.IsoWeek, run.Cutoff, run.ScheduleKey is null, run.CreatedAt, run.CompletedAt,
            counts.Values.Sum(), Of(DeliveryStatus.Composed), Of(DeliveryStatus.Sent), Of(DeliveryStatus.Failed), Of(DeliveryStatus.Sending));
    }
}
