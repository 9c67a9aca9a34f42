namespace Lessons.Application.Common.Ports;

/// <param name="MessageId">
/// When set (without angle brackets), the message's <c>Message-ID</c>: a digest derives it from run and subscriber, so
/// the same delivery always carries the same id. Otherwise one is generated.
/// </param>
public sealed record EmailMessage(
    string To, string Subject, string TextBody, string HtmlBody,
    IReadOnlyDictionary<string, string>? Headers = null, string? MessageId = null);

public enum SendOutcome
{
    Sent,

    /// <summary>Worth trying again later (a 4xx reply, a dropped connection, a timeout), after the batch's own retries.</summary>
    TransientFailure,

    /// <summary>The server refused the recipient for good (a 5xx reply): counts towards suspending the address.</summary>
    PermanentFailure,
}

public sealed record SendResult(SendOutcome Outcome, string? Reason = null)
{
    public static SendResult Sent { get; } = new(SendOutcome.Sent);
}

public interface IEmailSender
{
    /// <summary>Sends one message now; throws when it cannot be sent (account mails, where the user is waiting).</summary>
    Task SendAsync(EmailMessage message, CancellationToken ct);

    /// <summary>
    /// Opens a batch for many messages (the digest): one connection reused for the whole batch, paced to the
    /// configured rate, transient failures retried with back-off inside the batch.
    /// </summary>
    Task<IEmailBatch> OpenBatchAsync(CancellationToken ct);
}

public interface IEmailBatch : IAsyncDisposable
{
    /// <summary>Sends one message of the batch. A recipient's failure is returned, never thrown; cancellation throws.</summary>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken ct);
}
