using Lessons.Application.Common.Ports;

using MimeKit;

namespace Lessons.Infrastructure.Email;

internal static class MimeMessages
{
    /// <summary>HTML and plain text in one message (multipart/alternative), UTF-8 throughout, with a Message-ID.</summary>
    public static MimeMessage Build(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = message.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId(mime.From.Mailboxes.First().Domain);
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
            mime.Headers.Add(name, value);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
