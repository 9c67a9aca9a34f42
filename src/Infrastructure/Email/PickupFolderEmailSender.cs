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
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfffffff}-{Guid.NewGuid():N}";
        var file = Path.Combine(directory, name + ".eml");
        // Written aside and moved into place, so a process killed mid-write leaves no half message for a reader.
        var partial = Path.Combine(directory, "." + name + ".part");
        await mime.WriteToAsync(partial, ct);
        File.Move(partial, file);
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
