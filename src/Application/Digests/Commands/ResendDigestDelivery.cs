using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain;
using Lessons.Domain.Subscriptions;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Digests.Commands;

/// <summary>
/// An administrator's deliberate resend of a delivery left in <c>sending</c> (the process died between handing it to
/// SMTP and hearing the answer, so it may or may not have arrived). The stored bytes and Message-ID are sent again,
/// so a mail client that got the first one can tell the two apart. Answers how the server answered.
/// </summary>
public sealed record ResendDigestDeliveryCommand(Guid DeliveryId) : IRequest<SendResult>, IRequireAdmin;

public sealed class ResendDigestDeliveryValidator : AbstractValidator<ResendDigestDeliveryCommand>
{
    public ResendDigestDeliveryValidator() => RuleFor(c => c.DeliveryId).NotEmpty();
}

internal sealed class ResendDigestDeliveryHandler(ILessonsDbContext db, DigestRunWork work, IEmailSender email, TimeProvider clock)
    : IRequestHandler<ResendDigestDeliveryCommand, SendResult>
{
    /// <summary>No node works the run now: a delivery in <c>sending</c> is stuck, not in flight.</summary>
    public static bool Idle(DateTimeOffset? completedAt, string? leaseOwner, DateTimeOffset? leaseExpiresAt, DateTimeOffset now) =>
        completedAt is not null || leaseOwner is null || leaseExpiresAt <= now;

    /// <summary>
    /// Left in <c>sending</c>, or put back to composed by a transient failure of an earlier resend after its run was
    /// complete (no check sends it then).
    /// </summary>
    public static bool Resendable(DeliveryStatus status, DateTimeOffset? runCompletedAt) =>
        status == DeliveryStatus.Sending || (status == DeliveryStatus.Composed && runCompletedAt is not null);

    public async ValueTask<SendResult> Handle(ResendDigestDeliveryCommand command, CancellationToken ct)
    {
        var delivery = await db.DigestDeliveries.SingleOrDefaultAsync(d => d.Id == command.DeliveryId, ct)
            ?? throw new NotFoundException("Delivery", command.DeliveryId);
        var run = await db.DigestRuns.AsNoTracking().SingleAsync(r => r.Id == delivery.RunId, ct);
        if (!Resendable(delivery.Status, run.CompletedAt))
            throw new DomainRuleException("Bara brev som har fastnat i sending kan skickas igen.", "deliveryId");
        var now = clock.GetUtcNow();
        if (!Idle(run.CompletedAt, run.LeaseOwner, run.LeaseExpiresAt, now))
            throw new DomainRuleException("Utskicket pågår fortfarande och brevet kan vara på väg. Försök igen när det är klart.", "deliveryId");
        var subscriber = await db.Subscribers.SingleAsync(s => s.Id == delivery.SubscriberId, ct);

        delivery.ReleaseForResend();
        delivery.MarkSending(now);
        // Claimed before it is handed over, as the run does: a crash now leaves it in sending again, never sent twice.
        await db.SaveChangesAsync(ct);
        await using var batch = await email.OpenBatchAsync(ct);
        return await work.SendClaimedAsync(batch, delivery, subscriber, ct);
    }
}
