using System.Text;

using Lessons.Application.Common.Ports;

namespace Lessons.Application.Digests;

/// <summary>The plain-text part of a digest: the same content as the HTML, for clients that read text.</summary>
internal static class DigestText
{
    public static string Render(DigestContent content)
    {
        var text = new StringBuilder();
        text.Append(content.Subject).Append("\n\n").Append(content.Intro).Append("\n\n");
        foreach (var section in content.Sections)
        {
            text.Append("== ").Append(section.Heading).Append(" ==\n\n");
            foreach (var e in section.Entries)
            {
                text.Append(e.Title).Append('\n').Append(e.Url).Append('\n')
                    .Append(e.Organisation).Append(" · ").Append(e.Outcome).Append(" · ").Append(e.Stage).Append('\n');
                if (e.ReusedTimes > 0)
                    text.Append(e.ReusedTimes == 1 ? "Återanvänd 1 gång" : $"Återanvänd {e.ReusedTimes} gånger").Append('\n');
                text.Append(e.Summary).Append('\n')
                    .Append("Du följer: ").AppendJoin(", ", e.Reasons).Append("\n\n");
            }
        }
        if (content.More > 0) text.Append("och ").Append(content.More).Append(" till: ").Append(content.MoreUrl).Append("\n\n");
        text.Append("-- \nHantera dina bevakningar: ").Append(content.ManageUrl).Append('\n')
            .Append("Avsluta prenumerationen: ").Append(content.UnsubscribeUrl).Append('\n');
        return text.ToString();
    }
}
