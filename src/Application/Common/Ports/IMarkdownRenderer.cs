namespace Lessons.Application.Common.Ports;

/// <summary>Turns an author's Markdown into HTML that is safe to put in a page: no raw HTML, no scripts, safe links only.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string? markdown);
}
