using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

using Lessons.Application.Common.Ports;

using Microsoft.AspNetCore.Html;

namespace Lessons.Web.Infrastructure;

/// <summary>Marked text as HTML: every piece encoded, the searched words inside <c>&lt;mark&gt;</c>. The pages and the
/// API's <c>highlights</c> use the same rendering.</summary>
public static class MarkedTextHtml
{
    // Swedish letters stay letters (the page is UTF-8); markup characters are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(MarkedText text)
    {
        var html = new StringBuilder(text.Text.Length + 32 * text.Marks.Count);
        var at = 0;
        foreach (var mark in text.Marks)
        {
            if (mark.Start < at || mark.Start + mark.Length > text.Text.Length) continue;
            html.Append(Encoder.Encode(text.Text[at..mark.Start]))
                .Append("<mark>").Append(Encoder.Encode(text.Text.Substring(mark.Start, mark.Length))).Append("</mark>");
            at = mark.Start + mark.Length;
        }
        return html.Append(Encoder.Encode(text.Text[at..])).ToString();
    }

    public static IHtmlContent Html(this MarkedText text) => new HtmlString(ToHtml(text));
}
