namespace Lessons.Domain.Subscriptions;

public enum DeliveryStatus
{
    /// <summary>Rendered and stored; waiting to be sent.</summary>
    Composed,

    /// <summary>Claimed by a sender. Found in this state after a crash it is not sent again automatically.</summary>
    Sending,

    Sent,

    Failed,
}

/// <summary>
/// A subscriber's digest of one run. At most one per subscriber and ISO week (a unique key), and its subject, HTML,
/// text and the ids of every report it holds are stored when it is composed, so a retry sends identical bytes.
/// </summary>
public sealed class DigestDelivery
{
    private DigestDelivery() { }

    public DigestDelivery(
        Guid id, DigestRun run, Guid subscriberId, DateTimeOffset windowStart,
        string subject, string htmlBody, string textBody, IReadOnlyList<Guid> reportIds, DateTimeOffset now)
    {
        if (reportIds.Count == 0) throw new DomainRuleException("En sammanfattning utan rapporter skickas inte.", "reportIds");
        Id = id;
        RunId = run.Id;
        IsoWeek = run.IsoWeek;
        SubscriberId = subscriberId;
        WindowStart = windowStart;
        WindowEnd = run.Cutoff;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        ReportIds = reportIds;
        Status = DeliveryStatus.Composed;
        ComposedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid RunId { get; private set; }

    public Guid SubscriberId { get; private set; }

    public string IsoWeek { get; private set; } = "";

    /// <summary>The subscriber's previous cutoff (or confirmation), inclusive.</summary>
    public DateTimeOffset WindowStart { get; private set; }

    /// <summary>The run's cutoff, exclusive; the next digest's window starts here.</summary>
    public DateTimeOffset WindowEnd { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public string Subject { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    /// <summary>
    /// Every report the digest holds, the ones past the cap included, in the mail's order. Only the ids: the reasons and
    /// the rest are in the stored HTML and text, and the list is most of a row's bytes otherwise.
    /// </summary>
    public IReadOnlyList<Guid> ReportIds { get; private set; } = [];

    public DateTimeOffset ComposedAt { get; private set; }

    public DateTimeOffset? SendingAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Derived from run and subscriber, so a deliberate resend is recognisably the same message.</summary>
    public string MessageId(string host) => $"<digest.{RunId:N}.{SubscriberId:N}@{host}>";

    public void MarkSending(DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Composed)
            throw new DomainRuleException($"En sammanfattning med status {Status} kan inte skickas.", "status");
        Status = DeliveryStatus.Sending;
        SendingAt = now;
        Attempts++;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Status = DeliveryStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>A transient failure puts the delivery back to be retried; a permanent one ends it.</summary>
    public void MarkFailed(string error, bool permanent)
    {
        Status = permanent ? DeliveryStatus.Failed : DeliveryStatus.Composed;
        LastError = error.Length > 1000 ? error[..1000] : error;
    }

    /// <summary>An administrator's deliberate resend of a delivery left in <c>sending</c> or failed.</summary>
    public void ReleaseForResend()
    {
        if (Status is DeliveryStatus.Sending or DeliveryStatus.Failed) Status = DeliveryStatus.Composed;
    }
}
