using System.Collections.Concurrent;

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
    // One renderer renders one component at a time (its dispatcher serialises them): composing on several cores takes
    // an idle one, or makes one more.
    private readonly ConcurrentBag<HtmlRenderer> idle = [];
    private readonly ConcurrentBag<HtmlRenderer> all = [];

    public Task<string> RenderEntryHtmlAsync(DigestEntry entry, string language, CancellationToken ct) =>
        RenderAsync<DigestMailEntry>(language, new Dictionary<string, object?> { [nameof(DigestMailEntry.Entry)] = entry });

    public Task<string> RenderHtmlAsync(DigestContent content, string language, Func<DigestEntry, string> entryHtml, CancellationToken ct) =>
        RenderAsync<DigestMail>(language, new Dictionary<string, object?>
        {
            [nameof(DigestMail.Content)] = content,
            [nameof(DigestMail.Language)] = MailCulture.Of(language).TwoLetterISOLanguageName,
            [nameof(DigestMail.EntryHtml)] = entryHtml,
        });

    private async Task<string> RenderAsync<TComponent>(string language, Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        if (!idle.TryTake(out var renderer))
        {
            renderer = new HtmlRenderer(services, logs);
            all.Add(renderer);
        }
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
            idle.Add(renderer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var renderer in all) await renderer.DisposeAsync();
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
