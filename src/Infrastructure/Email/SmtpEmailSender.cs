using System.Net.Sockets;

using Lessons.Application.Common.Ports;

using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using MimeKit;

namespace Lessons.Infrastructure.Email;

internal sealed partial class SmtpEmailSender(
    IOptions<EmailOptions> emailOptions, EmailMetrics emailMetrics, TimeProvider timeProvider, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly IOptions<EmailOptions> options = emailOptions;
    private readonly EmailMetrics metrics = emailMetrics;
    private readonly TimeProvider clock = timeProvider;
    private readonly ILogger log = logger;

    /// <summary>One try, no pacing: someone is waiting for this mail (a confirmation link), and the caller logs a failure.</summary>
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            using var client = await ConnectAsync(ct);
            await client.SendAsync(MimeMessages.Build(message, options.Value), ct);
            await client.DisconnectAsync(true, ct);
            metrics.Sent();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            metrics.Failed(e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c && IsPermanent(c)
                ? SendOutcome.PermanentFailure : SendOutcome.TransientFailure);
            throw;
        }
    }

    public Task<IEmailBatch> OpenBatchAsync(CancellationToken ct) => Task.FromResult<IEmailBatch>(new SmtpBatch(this, options.Value.Smtp));

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var settings = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Our own socket, for TCP_NODELAY: MailKit writes a message's final "\r\n.\r\n" on its own after the
            // body, and with Nagle on that short write waits for the server's delayed ACK of the body (40 ms on
            // Linux) before the server sees the end of the message: about 22 messages a second over one
            // connection, whatever the machine. MailKit owns the socket once connected.
            using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connecting.CancelAfter(settings.Timeout);
                try
                {
                    await socket.ConnectAsync(settings.Host, settings.Port, connecting.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"No connection to {settings.Host}:{settings.Port} within {settings.Timeout.TotalSeconds:0} s.");
                }
            }
            await client.ConnectAsync(socket, settings.Host, settings.Port, Security(settings), ct);
            if (!string.IsNullOrEmpty(settings.User))
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            // With SIZE (RFC 1870) MailKit writes every message once only to count its bytes, then again to send it.
            // Our mails are tens of KB, far below any server's limit, so the declaration is not worth a second pass;
            // PIPELINING, when offered, is used as it is.
            client.Capabilities &= ~SmtpCapabilities.Size;
            return client;
        }
        catch
        {
            client.Dispose();
            socket.Dispose();
            throw;
        }
    }

    internal static SecureSocketOptions Security(SmtpOptions settings) => settings.Security switch
    {
        // EnableSsl keeps its old meaning (MailKit's Auto: TLS on connect on port 465, else STARTTLS when offered);
        // without it, STARTTLS is still used whenever the server offers it.
        SmtpSecurity.Auto => settings.EnableSsl ? SecureSocketOptions.Auto : SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    /// <summary>A 5xx refusal; a 4xx is the server asking to be tried again.</summary>
    private static bool IsPermanent(SmtpCommandException e) => (int)e.StatusCode is >= 500 and < 600;

    /// <summary>
    /// One connection for the whole batch, opened on the first message and again whenever it drops; each message
    /// paced by a token bucket and tried again with exponential back-off while its failure is transient.
    /// </summary>
    private sealed class SmtpBatch(SmtpEmailSender sender, SmtpOptions settings) : IEmailBatch
    {
        private readonly System.Threading.RateLimiting.RateLimiter? pace = SendRate.Limiter(settings.MessagesPerSecond);
        private readonly SemaphoreSlim oneAtATime = new(1, 1);     // one SMTP conversation: messages go in turn
        private SmtpClient? client;

        public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken ct)
        {
            // An address that is no address is the recipient's failure, like a refusal by the server.
            if (!MailboxAddress.TryParse(message.To, out _))
            {
                sender.metrics.Failed(SendOutcome.PermanentFailure);
                return new(SendOutcome.PermanentFailure, "not an e-mail address");
            }
            // Built once, so every try sends the same bytes.
            var mime = MimeMessages.Build(message, sender.options.Value);
            await oneAtATime.WaitAsync(ct);
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    // The token is spent on taking it: a token bucket's lease has nothing to give back.
                    if (pace is not null) (await pace.AcquireAsync(1, ct)).Dispose();
                    var (result, retry) = await TryAsync(mime, ct);
                    if (!retry || attempt >= settings.Attempts)
                    {
                        if (result.Outcome == SendOutcome.Sent) sender.metrics.Sent();
                        else
                        {
                            sender.metrics.Failed(result.Outcome);
                            LogFailed(sender.log, mime.MessageId, result.Outcome, attempt, result.Reason);
                        }
                        return result;
                    }
                    sender.metrics.Retried();
                    await Task.Delay(settings.RetryDelay * Math.Pow(2, attempt - 1), sender.clock, ct);
                }
            }
            finally
            {
                oneAtATime.Release();
            }
        }

        private async Task<(SendResult Result, bool Retry)> TryAsync(MimeMessage mime, CancellationToken ct)
        {
            try
            {
                if (client is not { IsConnected: true })
                {
                    client?.Dispose();
                    client = null;
                    client = await sender.ConnectAsync(ct);
                }
                await client.SendAsync(mime, ct);
                return (SendResult.Sent, false);
            }
            catch (SmtpCommandException e) when (IsPermanent(e))
            {
                // Only a refused recipient counts against the address. A refused sender or message (our
                // configuration, our content) would refuse every address alike: it is reported, never held against one.
                var outcome = e.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? SendOutcome.PermanentFailure : SendOutcome.TransientFailure;
                return (new(outcome, $"{(int)e.StatusCode} {e.Message}"), false);
            }
            catch (SmtpCommandException e)
            {
                return (new(SendOutcome.TransientFailure, $"{(int)e.StatusCode} {e.Message}"), true);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is SmtpProtocolException or ServiceNotConnectedException
                or IOException or SocketException or TimeoutException or OperationCanceledException or AuthenticationException or SslHandshakeException
                or NotSupportedException)
            {
                // A dropped connection, a timeout, a server that is down, refuses our login or lacks the STARTTLS we
                // require: the next try starts on a new connection.
                client?.Dispose();
                client = null;
                return (new(SendOutcome.TransientFailure, e.Message), true);
            }
        }

        public async ValueTask DisposeAsync()
        {
            pace?.Dispose();
            oneAtATime.Dispose();
            if (client is null) return;
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or TimeoutException)
            {
                // Every message has its outcome already; a QUIT that fails changes none of them.
            }
            client.Dispose();
        }
    }

    // The Message-ID, not the address: the log is no register of who subscribes.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail <{MessageId}> not delivered ({Outcome}) after {Attempts} tries: {Reason}")]
    private static partial void LogFailed(ILogger logger, string? messageId, SendOutcome outcome, int attempts, string? reason);
}
