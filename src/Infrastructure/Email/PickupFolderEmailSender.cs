using Lessons.Application.Common.Ports;

using Microsoft.Extensions.Options;

namespace Lessons.Infrastructure.Email;

/// <summary>Writes each message as an .eml file: the default on a developer's machine, where nothing may be sent.</summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, EmailMetrics metrics) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var mime = MimeMessages.Build(message, options.Value);
        // Names sort in sending order (to the tick), so the newest message is the last file.
        var file = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfffffff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(file, ct);
        metrics.Sent();
    }

    public Task<IEmailBatch> OpenBatchAsync(CancellationToken ct) => Task.FromResult<IEmailBatch>(new Batch(this));

    private sealed class Batch(PickupFolderEmailSender sender) : IEmailBatch
    {
        public async Task<SendResult> SendAsync(EmailMessage message, CancellationToken ct)
        {
            await sender.SendAsync(message, ct);
            return SendResult.Sent;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
