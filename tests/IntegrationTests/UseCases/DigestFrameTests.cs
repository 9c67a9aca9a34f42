using System.Text.Encodings.Web;
using System.Text.Unicode;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;
using Lessons.Web.Digests;

using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>
/// A digest's HTML is its values placed in the template rendered once per language and shape; it must be exactly what
/// rendering <see cref="DigestMail"/> for that digest writes, since a stored mail's bytes are what is sent.
/// </summary>
public sealed class DigestFrameTests
{
    // The site's encoder writes Swedish letters as they are; without one, the renderer's default encodes them.
    [Theory]
    [InlineData("sv", 1, 0, true)]
    [InlineData("sv", 2, 7, true)]
    [InlineData("sv", 3, 1234, false)]
    [InlineData("en", 1, 3, true)]
    [InlineData("en", 3, 0, false)]
    public async Task A_digest_put_together_from_the_cut_template_is_byte_for_byte_the_mail_the_template_renders(
        string language, int sections, int more, bool siteEncoder)
    {
        var collection = new ServiceCollection().AddLogging().AddDigestMail();
        if (siteEncoder) collection.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        await using var services = collection.BuildServiceProvider();
        var encoder = services.GetService<HtmlEncoder>() ?? HtmlEncoder.Default;
        var renderer = (RazorDigestRenderer)services.GetRequiredService<IDigestRenderer>();
        static string EntryHtml(DigestEntry e) => $"<li><a href=\"{e.Url}\">{e.Title}</a> & {e.ReasonsText()}</li>";

        // The frame is really used (a template it could not cut would fall back to rendering each mail whole).
        var frame = DigestFrame.Cut(await renderer.RenderFrameAsync(DigestFrame.Sample(sections, more > 0), language));
        Assert.NotNull(frame);

        foreach (var round in new[] { 1, 2 })
        {
            var content = Content(sections, more, round);
            var whole = await renderer.RenderFrameAsync(content, language, EntryHtml);
            Assert.Equal(whole, frame.Fill(content, EntryHtml, encoder, MailCulture.Of(language)));
            Assert.Equal(whole, await renderer.RenderHtmlAsync(content, language, EntryHtml, CancellationToken.None));
        }
    }

    /// <summary>Values with everything an encoder touches: Swedish letters, markup, quotes, ampersands in links.</summary>
    private static DigestContent Content(int sections, int more, int round) => new(
        $"Lessons veckobrev: {round + 4} nya erfarenhetsrapporter – \"åäö\" & <b>",
        "Det här är nytt sedan ditt förra veckobrev bland det du följer på Lessons. 'Läs' <gärna>.",
        [.. Enumerable.Range(0, sections).Select(s => new DigestSection($"Sektion {s} & \"rubrik\" <h{s}> ÅÄÖ",
            [.. Enumerable.Range(0, 1 + ((s + round) % 3)).Select(e => new DigestEntry(
                Guid.NewGuid(), $"Rapport {s}.{e} om <upphandling> & \"avtal\"", $"https://lessons.example.se/rapporter/{s}?a=1&b=\"{e}\"",
                "Kommun", "Misslyckades", "Avslutat", "Sammanfattning", [$"Upphandling {e}", "Avtal & \"ramar\""]))]))],
        more, $"https://lessons.example.se/sok?principle=a&challenge=\"b\"&q=å{round}",
        $"https://lessons.example.se/prenumerera/hantera/abc-DEF_{round}?x=1&y=<2>", $"https://lessons.example.se/prenumerera/avsluta/xyz_{round}+=");
}

internal static class DigestEntryText
{
    public static string ReasonsText(this DigestEntry entry) => string.Join(", ", entry.Reasons);
}
