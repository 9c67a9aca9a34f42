using Lessons.Application.Common.Ports;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Lessons.Web.Digests;

/// <summary>The digest's HTML from a Razor component (<see cref="DigestMail"/>), rendered outside any request.</summary>
internal sealed class RazorDigestRenderer(IServiceProvider services, ILoggerFactory logs) : IDigestRenderer, IAsyncDisposable
{
    private readonly HtmlRenderer renderer = new(services, logs);

    public Task<string> RenderHtmlAsync(DigestContent content, CancellationToken ct) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<DigestMail>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(DigestMail.Content)] = content }));
            return output.ToHtmlString();
        });

    public ValueTask DisposeAsync() => renderer.DisposeAsync();
}

public static class DigestMailServices
{
    /// <summary>The digest's template, for every host that composes digests (the site, the command verbs, the tests).</summary>
    public static IServiceCollection AddDigestMail(this IServiceCollection services) =>
        services.AddSingleton<IDigestRenderer, RazorDigestRenderer>();
}
