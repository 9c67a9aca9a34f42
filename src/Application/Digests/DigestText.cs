using System.Text;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;

using Microsoft.Extensions.Localization;

namespace Lessons.Application.Digests;

/// <summary>The plain-text part of a digest: the same content as the HTML, for clients that read text, in the same language.</summary>
internal static class DigestText
{
    public static string Render(DigestContent content, IStringLocalizer text, string language)
    {
        var plain = new StringBuilder();
        plain.Append(content.Subject).Append("\n\n").Append(content.Intro).Append("\n\n");
        foreach (var section in content.Sections)
        {
            plain.Append("== ").Append(section.Heading).Append(" ==\n\n");
            foreach (var e in section.Entries)
            {
                plain.Append(e.Title).Append('\n').Append(e.Url).Append('\n')
                    .Append(e.Organisation).Append(" · ").Append(e.Outcome).Append(" · ").Append(e.Stage).Append('\n');
                if (e.ReusedTimes > 0)
                {
                    plain.Append(e.ReusedTimes == 1 ? text.In(language, "Återanvänd 1 gång") : text.In(language, "Återanvänd {0} gånger", e.ReusedTimes))
                        .Append('\n');
                }
                plain.Append(e.Summary).Append('\n')
                    .Append(text.In(language, "Du följer: {0}", string.Join(", ", e.Reasons))).Append("\n\n");
            }
        }
        if (content.More > 0) plain.Append(text.In(language, "och {0} till", content.More)).Append(": ").Append(content.MoreUrl).Append("\n\n");
        plain.Append("-- \n").Append(text.In(language, "Hantera dina bevakningar")).Append(": ").Append(content.ManageUrl).Append('\n')
            .Append(text.In(language, "Avsluta prenumerationen")).Append(": ").Append(content.UnsubscribeUrl).Append('\n');
        return plain.ToString();
    }
}
