using System.Net;
using System.Text;

using Lessons.Application.Common.Ports;

namespace Lessons.Application.Notifications;

/// <summary>
/// One notification e-mail: a few paragraphs, optionally someone's own words quoted (a comment, a note), and one
/// link to act on. Every notification is laid out by <see cref="Render"/>, so they all look the same.
/// </summary>
public sealed record Notification(string Subject, IReadOnlyList<string> Paragraphs, string Action, string Link, string? Quote = null)
{
    public EmailMessage Render(Recipient to)
    {
        var greeting = $"Hej {to.DisplayName}!";
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        foreach (var paragraph in Paragraphs) text.Append(paragraph).Append("\n\n");
        if (Quote is { Length: > 0 })
            text.Append(string.Join('\n', Quote.Split('\n').Select(line => "> " + line.TrimEnd('\r')))).Append("\n\n");
        text.Append(Action).Append(": ").Append(Link).Append("\n\n").Append(Footer);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>").Append(Encode(Subject))
            .Append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em;\">\n")
            .Append("<p>").Append(Encode(greeting)).Append("</p>\n");
        foreach (var paragraph in Paragraphs) html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        if (Quote is { Length: > 0 })
        {
            html.Append("<blockquote style=\"border-left: 4px solid #ccc; margin: 0; padding-left: 1em;\">")
                .Append(Encode(Quote).ReplaceLineEndings("<br>")).Append("</blockquote>\n");
        }
        html.Append("<p><a href=\"").Append(Encode(Link)).Append("\">").Append(Encode(Action)).Append("</a></p>\n")
            .Append("<p style=\"color: #555; font-size: 0.9em;\">").Append(Encode(Footer)).Append("</p>\n</body></html>\n");
        return new EmailMessage(to.Email, Subject, text.ToString(), html.ToString());
    }

    private const string Footer = "Du får det här meddelandet för att du har ett konto på Lessons. – Lessons";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
