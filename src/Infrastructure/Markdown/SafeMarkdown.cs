using System.Net;

using AngleSharp.Html.Dom;

using Ganss.Xss;

using Lessons.Application.Common.Ports;

using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lessons.Infrastructure.Markdown;

/// <summary>
/// Two walls between an author's text and a reader's browser: Markdig with raw HTML disabled, then HtmlSanitizer
/// with a short list of tags and only http, https and mailto links. Links get rel="nofollow ugc noopener".
/// What the author wrote is never dropped silently: headings move below the page's own h2 sections, images become
/// links named by their alt text, and any other element the list does not allow leaves its text behind.
/// </summary>
internal sealed class SafeMarkdown : IMarkdownRenderer
{
    /// <summary>The page titles a report with h1 and its sections with h2, so the author's headings start at h3.</summary>
    private const int FirstHeadingLevel = 3;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseListExtras()
        .Build();

    // Made on the first render, not when the first DbContext resolves the save interceptor at start: building it
    // loads AngleSharp's CSS tables (some 700 methods jitted), a tenth of the cold start for a page that reads.
    private readonly Lazy<HtmlSanitizer> sanitizer = new(CreateSanitizer);

    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        // Saving refuses what cannot be rendered (CanRender), but a report stored before that rule must still open:
        // its text is shown as it was written rather than failing the page on every view.
        var html = TryRender(markdown) ?? "<p>" + WebUtility.HtmlEncode(markdown).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>";
        return sanitizer.Value.Sanitize(html);
    }

    public bool CanRender(string? markdown) => string.IsNullOrWhiteSpace(markdown) || TryRender(markdown) is not null;

    /// <summary>Markdig refuses structures nested deeper than its limit (an attack, or a very broken paste) by throwing.</summary>
    private static string? TryRender(string markdown)
    {
        try
        {
            var document = Markdig.Markdown.Parse(markdown, Pipeline);
            foreach (var heading in document.Descendants<HeadingBlock>())
                heading.Level = Math.Min(heading.Level + FirstHeadingLevel - 1, 6);
            foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
                image.IsImage = false;     // the page shows no external images (CSP, privacy); the alt text stays as a link

            using var writer = new StringWriter();
            var renderer = new Markdig.Renderers.HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            renderer.Render(document);
            writer.Flush();
            return writer.ToString();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "em", "del", "ins", "sub", "sup", "mark", "ul", "ol", "li", "blockquote",
                     "code", "pre", "a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td" })
            sanitizer.AllowedTags.Add(tag);
        // Raw HTML is off in Markdig, so a disallowed element here is Markdig's own markup: its text is the author's.
        sanitizer.KeepChildNodes = true;
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedAttributes.Add("title");
        sanitizer.AllowedAttributes.Add("start");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.UriAttributes.Clear();
        sanitizer.UriAttributes.Add("href");
        sanitizer.AllowDataAttributes = false;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement anchor) anchor.SetAttribute("rel", "nofollow ugc noopener");
        };
        return sanitizer;
    }
}
