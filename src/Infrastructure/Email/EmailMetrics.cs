using System.Diagnostics.Metrics;

using Lessons.Application.Common.Ports;

namespace Lessons.Infrastructure.Email;

/// <summary>
/// Mails handed over and mails given up on, on the meter <c>Lessons</c> (exported by whatever the host wires to
/// it, e.g. OpenTelemetry). Failures carry <c>outcome</c> = <c>transient</c> or <c>permanent</c>.
/// </summary>
internal sealed class EmailMetrics
{
    public const string MeterName = "Lessons";

    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> retried;

    public EmailMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        sent = meter.CreateCounter<long>("lessons.email.sent", "{message}", "Mails accepted by the mail server (or written to the pickup folder).");
        failed = meter.CreateCounter<long>("lessons.email.failed", "{message}", "Mails not delivered, after the batch's own retries.");
        retried = meter.CreateCounter<long>("lessons.email.retries", "{attempt}", "Tries again after a transient failure.");
    }

    public void Sent() => sent.Add(1);

    public void Failed(SendOutcome outcome) =>
        failed.Add(1, new KeyValuePair<string, object?>("outcome", outcome == SendOutcome.PermanentFailure ? "permanent" : "transient"));

    public void Retried() => retried.Add(1);
}
