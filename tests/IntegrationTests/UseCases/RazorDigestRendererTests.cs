using Lessons.Application.Common.Ports;
using Lessons.Web.Digests;

using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>
/// A Razor renderer keeps every component it has rendered, so the digest's renderer retires each one after a number
/// of renders: a run of 100,000 mails must neither grow with every mail nor render with a renderer it has disposed.
/// </summary>
public sealed class RazorDigestRendererTests
{
    [Fact]
    public async Task Rendering_many_entries_retires_used_renderers_and_every_entry_comes_out_the_same()
    {
        await using var services = new ServiceCollection().AddLogging().AddDigestMail().BuildServiceProvider();
        var renderer = (RazorDigestRenderer)services.GetRequiredService<IDigestRenderer>();
        var entry = new DigestEntry(Guid.Parse("7c3f7a52-3f7e-4a8e-9b1d-2f4f3c5d6e7f"), "Upphandling av hemtjänst som inte gick",
            "https://lessons.example.se/rapporter/7c3f7a52", "Exempelkommun", "Misslyckades", "Avslutat",
            "Vi lärde oss att ställa krav på resultat.", ["Upphandling och avtal"]);
        var first = await renderer.RenderEntryHtmlAsync(entry, "sv", CancellationToken.None);
        Assert.Contains("https://lessons.example.se/rapporter/7c3f7a52", first);

        // One after another, then on both cores at once, as composing does: well past one renderer's share.
        for (var i = 0; i < 450; i++) Assert.Equal(first, await renderer.RenderEntryHtmlAsync(entry, "sv", CancellationToken.None));
        // 451 renders one at a time on one renderer: two were retired at 200 each, the third is in use.
        Assert.Equal(2, renderer.Retired);
        Assert.Equal(1, renderer.Live);
        var parallel = await Task.WhenAll(Enumerable.Range(0, 600).Select(_ => Task.Run(() => renderer.RenderEntryHtmlAsync(entry, "sv", CancellationToken.None))));
        Assert.All(parallel, html => Assert.Equal(first, html));

        // Only as many renderers are alive as rendered at once, whatever the number of renders.
        Assert.InRange(renderer.Live, 1, 64);
    }
}
