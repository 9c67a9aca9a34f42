using System.Text;

using Lessons.Application.Common.Ports;

namespace Lessons.Application.Digests;

/// <summary>The plain-text part of a digest: the same content as the HTML, for clients that read text.</summary>
internal static class DigestText
{
    public static string Render(DigestContent content) => Render(content, Entry);

    /// <summary>The whole text; <paramref name="entryText"/> gives each entry's part, as <see cref="Entry"/> writes it.</summary>
    public static string Render(DigestContent content, Func<DigestEntry, string> entryText)
    {
        var text = new StringBuilder(1024 + (content.Sections.Sum(s => s.Entries.Count) * 512));
        text.Append(content.Subject).Append("\n\n").Append(content.Intro).Append("\n\n");
        foreach (var section in content.Sections)
        {
            text.Append("== ").Append(section.Heading).Append(" ==\n\n");
            foreach (var e in section.Entries) text.Append(entryText(e));
        }
        if (content.More > 0) text.Append("och ").Append(content.More).Append(" till: ").Append(content.MoreUrl).Append("\n\n");
        text.Append("-- \nHantera dina bevakningar: ").Append(content.ManageUrl).Append('\n')
            .Append(UnsubscribeLine).Append(content.UnsubscribeUrl).Append('\n');
        return text.ToString();
    }

    private const string UnsubscribeLine = "Avsluta prenumerationen: ";

    /// <summary>The unsubscribe link of a text written by <see cref="Render(DigestContent, Func{DigestEntry, string})"/>: its last line.</summary>
    public static string? UnsubscribeLinkIn(string text)
    {
        var at = text.LastIndexOf("\n" + UnsubscribeLine, StringComparison.Ordinal);
        if (at < 0) return null;
        var link = text.AsSpan(at + 1 + UnsubscribeLine.Length).TrimEnd('\n');
        return link.Length > 0 && !link.Contains('\n') && Uri.IsWellFormedUriString(link.ToString(), UriKind.Absolute) ? link.ToString() : null;
    }

    public static string Entry(DigestEntry e)
    {
        var text = new StringBuilder();
        text.Append(e.Title).Append('\n').Append(e.Url).Append('\n')
            .Append(e.Organisation).Append(" · ").Append(e.Outcome).Append(" · ").Append(e.Stage).Append('\n');
        if (e.ReusedTimes > 0)
            text.Append(e.ReusedTimes == 1 ? "Återanvänd 1 gång" : $"Återanvänd {e.ReusedTimes} gånger").Append('\n');
        text.Append(e.Summary).Append('\n')
            .Append("Du följer: ").AppendJoin(", ", e.Reasons).Append("\n\n");
        return text.ToString();
    }
}
