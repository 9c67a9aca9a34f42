namespace Lessons.Application.Common.Ports;

public sealed record EmailMessage(
    string To, string Subject, string TextBody, string HtmlBody, IReadOnlyDictionary<string, string>? Headers = null);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
