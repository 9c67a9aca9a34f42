using System.Net;
using System.Text;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;
using Lessons.Domain;

using Microsoft.Extensions.Localization;

namespace Lessons.Application.Notifications;

/// <summary>
/// A text of a notification as the Swedish resource key and the values for its placeholders, so that each recipient
/// reads it in their own language (<see cref="MailCulture"/>). Names and titles are values, never part of the key.
/// </summary>
public sealed record MailText(string Swedish, params object[] Values)
{
    public static implicit operator MailText(string swedish) => new(swedish);

    public string In(IStringLocalizer text, string language) => text.In(language, Swedish, Values);
}

/// <summary>
/// One notification e-mail: a few paragraphs, optionally someone's own words quoted (a comment, a note), and one
/// link to act on. Every notification is laid out by <see cref="Render"/>, so they all look the same, in the
/// recipient's language; the quote is left as its writer wrote it.
/// </summary>
public sealed record Notification(MailText Subject, IReadOnlyList<MailText> Paragraphs, MailText Action, string Link, string? Quote = null)
{
    private const string Footer = "Du får det här meddelandet för att du har ett konto på Lessons. – Lessons";

    public EmailMessage Render(Recipient to, IStringLocalizer localizer)
    {
        var language = LanguageCodes.OrSwedish(to.Language);
        var subject = Subject.In(localizer, language);
        var greeting = localizer.In(language, "Hej {0}!", to.DisplayName);
        var paragraphs = Paragraphs.Select(p => p.In(localizer, language)).ToList();
        var action = Action.In(localizer, language);
        var footer = localizer.In(language, Footer);
        var link = MailCulture.Link(Link, language);

        var text = new StringBuilder().Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs) text.Append(paragraph).Append("\n\n");
        if (Quote is { Length: > 0 })
            text.Append(string.Join('\n', Quote.Split('\n').Select(line => "> " + line.TrimEnd('\r')))).Append("\n\n");
        text.Append(action).Append(": ").Append(link).Append("\n\n").Append(footer);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\"><title>").Append(Encode(subject))
            .Append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; color: #1b1b1b; max-width: 40em;\">\n")
            .Append("<p>").Append(Encode(greeting)).Append("</p>\n");
        foreach (var paragraph in paragraphs) html.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
        if (Quote is { Length: > 0 })
        {
            html.Append("<blockquote style=\"border-left: 4px solid #ccc; margin: 0; padding-left: 1em;\">")
                .Append(Encode(Quote).ReplaceLineEndings("<br>")).Append("</blockquote>\n");
        }
        html.Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(action)).Append("</a></p>\n")
            .Append("<p style=\"color: #555; font-size: 0.9em;\">").Append(Encode(footer)).Append("</p>\n</body></html>\n");
        return new EmailMessage(to.Email, subject, text.ToString(), html.ToString());
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
