using AngleSharp.Html.Parser;

using Lessons.Infrastructure.Markdown;

namespace Lessons.UnitTests.Markdown;

public sealed class SafeMarkdownTests
{
    private readonly SafeMarkdown markdown = new();

    public static TheoryData<string> Attacks => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[klicka](javascript:alert(1))",
        "[klicka](JaVaScRiPt:alert(1))",
        "[klicka](  javascript:alert(1))",
        "[klicka](java&#x09;script:alert(1))",
        "[klicka](&#106;avascript:alert(1))",
        "[klicka](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[klicka](vbscript:msgbox(1))",
        "[klicka](file:///etc/passwd)",
        "![bild](javascript:alert(1))",
        "![bild](https://evil.example/x.png \"title\")",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p onclick=\"alert(1)\">text</p>",
        "<body onload=alert(1)>",
        "<object data=\"x.swf\"></object>",
        "<embed src=x>",
        "<form action=\"https://evil.example\"><input name=a></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">x</a>",
        "[x](https://ok.example\" onmouseover=\"alert(1))",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<base href=\"https://evil.example/\">",
        "`<script>alert(1)</script>`",
        "    <script>alert(1)</script>",
        "<details open ontoggle=alert(1)>",
        "[x](<javascript:alert(1)>)",
        "<https://ok.example/\"onmouseover=\"alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void No_script_event_handler_or_unsafe_link_survives(string attack)
    {
        var html = markdown.ToSafeHtml(attack);
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "form", "input", "img", "svg", "math", "style", "meta", "link", "base", "details" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("src", attribute.Name);
                // Escaped text may mention "javascript:"; an attribute never may.
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("data:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
            if (element.GetAttribute("href") is { } href)
            {
                var scheme = Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri) ? uri.Scheme : "relative";
                Assert.Contains(scheme, new[] { "http", "https", "mailto", "relative" });
            }
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Links_are_kept_and_marked_as_user_content()
    {
        var html = markdown.ToSafeHtml("Se [rapporten](https://example.org/r.pdf) och <https://example.org>.");
        Assert.Contains("href=\"https://example.org/r.pdf\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("rel=\"nofollow ugc noopener\"").Length - 1);
    }

    [Fact]
    public void Lists_emphasis_and_Swedish_text_render()
    {
        var html = markdown.ToSafeHtml("- **Börja** i liten skala\n- Mät _effekten_");
        Assert.Contains("<li><strong>Börja</strong> i liten skala</li>", html, StringComparison.Ordinal);
        Assert.Contains("<em>effekten</em>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_markup()
    {
        Assert.Contains("&lt;b&gt;", markdown.ToSafeHtml("<b>fet</b>"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Bakgrund", "h3")]
    [InlineData("## Bakgrund", "h4")]
    [InlineData("### Bakgrund", "h5")]
    [InlineData("###### Bakgrund", "h6")]
    public void Headings_keep_their_text_below_the_page_sections(string text, string element)
    {
        var html = markdown.ToSafeHtml(text);
        Assert.Equal($"<{element}>Bakgrund</{element}>", html.Trim());
    }

    [Fact]
    public void Marked_text_keeps_its_text_and_its_mark()
    {
        Assert.Contains("<mark>viktigt</mark>", markdown.ToSafeHtml("Det här är ==viktigt== att veta."), StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_becomes_a_link_named_by_its_alt_text()
    {
        var html = markdown.ToSafeHtml("![Karta över hemtjänstens rutter](https://example.org/karta.png)");
        var link = new HtmlParser().ParseDocument("<body>" + html + "</body>").QuerySelector("a")!;
        Assert.Equal("Karta över hemtjänstens rutter", link.TextContent);
        Assert.Equal("https://example.org/karta.png", link.GetAttribute("href"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> DeeplyNested => new()
    {
        { new string('>', 5000) + " citat <script>", "citat" },
        { string.Concat(Enumerable.Repeat("- ", 2000)) + "punkt <script>", "punkt" },
        { string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i * 2) + "- punkt\n")) + "<script>", "punkt" },
        { new string('*', 5000) + "fet <script>" + new string('*', 5000), "fet" },
    };

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Text_nested_too_deep_to_render_is_refused_and_still_shown_as_text(string text, string word)
    {
        Assert.False(markdown.CanRender(text));
        var html = markdown.ToSafeHtml(text);
        Assert.Contains(word, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_text_can_be_rendered()
    {
        Assert.True(markdown.CanRender("# Rubrik\n\n- punkt\n  - underpunkt\n\n> citat"));
        Assert.True(markdown.CanRender(""));
    }
}

