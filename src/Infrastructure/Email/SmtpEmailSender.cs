using Lessons.Application.Common.Ports;

using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

using Microsoft.Extensions.Options;

namespace Lessons.Infrastructure.Email;

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        await client.SendAsync(Build(message), ct);
        await client.DisconnectAsync(true, ct);
    }

    public Task<IEmailBatch> OpenBatchAsync(CancellationToken ct) => Task.FromResult<IEmailBatch>(new Batch(this));

    private MimeKit.MimeMessage Build(EmailMessage message) => MimeMessages.Build(message, options.Value);

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var settings = options.Value.Smtp;
        var client = new SmtpClient();
        var security = settings.EnableSsl ? SecureSocketOptions.Auto : SecureSocketOptions.None;
        await client.ConnectAsync(settings.Host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.User))
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
        return client;
    }

    /// <summary>One connection for the whole batch, opened on the first message and opened again if it drops.</summary>
    private sealed class Batch(SmtpEmailSender sender) : IEmailBatch
    {
        private SmtpClient? _client;

        public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken ct)
        {
            try
            {
                if (_client is not { IsConnected: true })
                {
                    _client?.Dispose();
                    _client = await sender.ConnectAsync(ct);
                }
                await _client.SendAsync(sender.Build(message), ct);
                return SendResult.Sent;
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                return new(SendOutcome.PermanentFailure, e.Message);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException)
            {
                return new(SendOutcome.TransientFailure, e.Message);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is null) return;
            if (_client.IsConnected) await _client.DisconnectAsync(true, CancellationToken.None);
            _client.Dispose();
        }
    }
}
