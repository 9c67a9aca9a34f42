namespace Lessons.Application.Common.Ports;

/// <summary>Turns an author's Markdown into HTML that is safe to put in a page: no raw HTML, no scripts, safe links only.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string? markdown);

    /// <summary>False for text the renderer refuses (structures nested too deep), so saving can name the field.</summary>
    bool CanRender(string? markdown);
}
