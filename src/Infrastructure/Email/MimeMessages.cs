using Lessons.Application.Common.Ports;

using MimeKit;

namespace Lessons.Infrastructure.Email;

internal static class MimeMessages
{
    // Headers the message itself sets: a second copy from EmailMessage.Headers would make it ambiguous.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
    };

    /// <summary>HTML and plain text in one message (multipart/alternative), UTF-8 throughout, with a Message-ID.</summary>
    public static MimeMessage Build(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.MessageId is { } id)
        {
            // Set as the header itself, not through MimeMessage.MessageId, which parses the id and may rewrite it.
            // A digest's id must arrive exactly as derived, so a resend is recognisably the same message.
            var bare = id.Trim();
            if (bare.StartsWith('<') && bare.EndsWith('>')) bare = bare[1..^1];
            if (bare.Length == 0 || bare.Any(c => c is '<' or '>' || char.IsWhiteSpace(c) || char.IsControl(c)) || !bare.Contains('@'))
                throw new ArgumentException($"\"{id}\" is not a Message-ID (id@domain).", nameof(message));
            mime.Headers.Replace(HeaderId.MessageId, $"<{bare}>");
        }
        else
        {
            mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(mime.From.Mailboxes.First().Domain);
        }
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            // A line break in a value would start a header of its own (header injection).
            if (Reserved.Contains(name) || value.Any(c => c is '\r' or '\n'))
                throw new ArgumentException($"The header {name} cannot be set this way.", nameof(message));
            mime.Headers.Add(name, value);
        }
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
