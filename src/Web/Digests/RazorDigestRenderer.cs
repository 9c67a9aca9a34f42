using System.Collections.Concurrent;
using System.Text.Encodings.Web;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Lessons.Web.Digests;

/// <summary>The digest's HTML from Razor components (<see cref="DigestMail"/>, <see cref="DigestMailEntry"/>), rendered outside any request.</summary>
internal sealed class RazorDigestRenderer(IServiceProvider services, ILoggerFactory logs) : IDigestRenderer, IAsyncDisposable
{
    // A renderer keeps every component it has rendered (a root component stays attached to it until it is disposed),
    // so each is retired after this many: before, a run's memory grew with every mail it rendered.
    private const int RendersPerRenderer = 200;

    // One renderer renders one component at a time (its dispatcher serialises them): composing on several cores takes
    // an idle one, or makes one more.
    private readonly ConcurrentBag<Pooled> idle = [];
    private readonly ConcurrentDictionary<Pooled, bool> live = new();
    private readonly ConcurrentDictionary<(string, int, bool), DigestFrame?> frames = new();
    // The encoder the renderer writes text and attribute values with.
    private readonly HtmlEncoder encoder = services.GetService<HtmlEncoder>() ?? HtmlEncoder.Default;
    private int retired;

    /// <summary>How many renderers were retired after <see cref="RendersPerRenderer"/> renders (for the tests).</summary>
    internal int Retired => Volatile.Read(ref retired);

    /// <summary>How many renderers are alive, idle or rendering (for the tests).</summary>
    internal int Live => live.Count;

    public Task<string> RenderEntryHtmlAsync(DigestEntry entry, string language, CancellationToken ct) =>
        RenderAsync<DigestMailEntry>(language, new Dictionary<string, object?> { [nameof(DigestMailEntry.Entry)] = entry });

    /// <summary>
    /// The whole mail: <see cref="DigestMail"/> is rendered once per language and shape (how many sections, whether
    /// "och N till" is there) with markers in place of the values, cut at the markers, and each digest is the pieces
    /// with its own values, encoded as the renderer encodes them. The same bytes as rendering the component for each
    /// digest (a test holds the two together), for a fraction of the work: a digest is mostly its frame.
    /// </summary>
    public async Task<string> RenderHtmlAsync(DigestContent content, string language, Func<DigestEntry, string> entryHtml, CancellationToken ct)
    {
        var key = (language, content.Sections.Count, content.More > 0);
        if (!frames.TryGetValue(key, out var frame))
        {
            frame = DigestFrame.Cut(await RenderFrameAsync(DigestFrame.Sample(content.Sections.Count, content.More > 0), language));
            frames[key] = frame;
        }
        return frame?.Fill(content, entryHtml, encoder, MailCulture.Of(language)) ?? await RenderFrameAsync(content, language, entryHtml);
    }

    /// <summary>The mail rendered by the component itself, as <see cref="RenderHtmlAsync"/> must write it.</summary>
    internal Task<string> RenderFrameAsync(DigestContent content, string language, Func<DigestEntry, string>? entryHtml = null) =>
        RenderAsync<DigestMail>(language, new Dictionary<string, object?>
        {
            [nameof(DigestMail.Content)] = content,
            [nameof(DigestMail.Language)] = MailCulture.Of(language).TwoLetterISOLanguageName,
            [nameof(DigestMail.EntryHtml)] = entryHtml ?? DigestFrame.SampleEntryHtml,
        });

    private async Task<string> RenderAsync<TComponent>(string language, Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        if (!idle.TryTake(out var pooled))
        {
            pooled = new Pooled(new HtmlRenderer(services, logs));
            live[pooled] = true;
        }
        var renderer = pooled.Renderer;
        try
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                // Set on the dispatcher's own thread: the template's localizer reads the culture while it renders.
                using var _ = MailCulture.Use(language);
                return (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString();
            });
        }
        finally
        {
            if (++pooled.Renders < RendersPerRenderer) idle.Add(pooled);
            else
            {
                live.TryRemove(pooled, out _);
                await renderer.DisposeAsync();
                Interlocked.Increment(ref retired);
            }
        }
    }

    private sealed class Pooled(HtmlRenderer renderer)
    {
        public HtmlRenderer Renderer { get; } = renderer;

        public int Renders { get; set; }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pooled in live.Keys) await pooled.Renderer.DisposeAsync();
    }
}

public static class DigestMailServices
{
    /// <summary>The digest's template and the shared text that it and Application's mails are written with, for
    /// every host that composes mails (the site, the command verbs, the tests).</summary>
    public static IServiceCollection AddDigestMail(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.TryAddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizer<SharedResource>>());
        return services.AddSingleton<IDigestRenderer, RazorDigestRenderer>();
    }
}
