using Lessons.Application.Common.Ports;

using Microsoft.Extensions.Options;

namespace Lessons.Infrastructure.Email;

/// <summary>Writes each message as an .eml file: the default on a developer's machine, where nothing may be sent.</summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var mime = MimeMessages.Build(message, options.Value);
        var file = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(file, ct);
    }
}
