using System.Text;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;

using Microsoft.Extensions.Localization;

namespace Lessons.Application.Digests;

/// <summary>The plain-text part of a digest: the same content as the HTML, for clients that read text, in the same language.</summary>
internal static class DigestText
{
    /// <summary>The whole text; <paramref name="entryText"/> gives each entry's part, as <see cref="Entry"/> writes it.</summary>
    public static string Render(DigestContent content, IStringLocalizer text, string language, Func<DigestEntry, string> entryText)
    {
        var plain = new StringBuilder(1024 + (content.Sections.Sum(s => s.Entries.Count) * 512));
        plain.Append(content.Subject).Append("\n\n").Append(content.Intro).Append("\n\n");
        foreach (var section in content.Sections)
        {
            plain.Append("== ").Append(section.Heading).Append(" ==\n\n");
            foreach (var e in section.Entries) plain.Append(entryText(e));
        }
        if (content.More > 0) plain.Append(text.In(language, "och {0} till", content.More)).Append(": ").Append(content.MoreUrl).Append("\n\n");
        plain.Append("-- \n").Append(text.In(language, "Hantera dina bevakningar")).Append(": ").Append(content.ManageUrl).Append('\n')
            .Append(text.In(language, "Avsluta prenumerationen")).Append(LinkAfter).Append(content.UnsubscribeUrl).Append('\n');
        return plain.ToString();
    }

    private const string LinkAfter = ": ";

    /// <summary>The unsubscribe link of a text written by <see cref="Render(DigestContent, IStringLocalizer, string, Func{DigestEntry, string})"/>:
    /// what follows the label on its last line, in whichever language it was written.</summary>
    public static string? UnsubscribeLinkIn(string text)
    {
        var body = text.AsSpan().TrimEnd('\n');
        var line = body[(body.LastIndexOf('\n') + 1)..];
        var at = line.IndexOf(LinkAfter, StringComparison.Ordinal);
        if (at < 0) return null;
        var link = line[(at + LinkAfter.Length)..].ToString();
        return Uri.IsWellFormedUriString(link, UriKind.Absolute) ? link : null;
    }

    public static string Entry(DigestEntry e, IStringLocalizer text, string language)
    {
        var plain = new StringBuilder();
        plain.Append(e.Title).Append('\n').Append(e.Url).Append('\n')
            .Append(e.Organisation).Append(" · ").Append(e.Outcome).Append(" · ").Append(e.Stage).Append('\n');
        if (e.ReusedTimes > 0)
        {
            plain.Append(e.ReusedTimes == 1 ? text.In(language, "Återanvänd 1 gång") : text.In(language, "Återanvänd {0} gånger", e.ReusedTimes))
                .Append('\n');
        }
        plain.Append(e.Summary).Append('\n')
            .Append(text.In(language, "Du följer: {0}", string.Join(", ", e.Reasons))).Append("\n\n");
        return plain.ToString();
    }
}
