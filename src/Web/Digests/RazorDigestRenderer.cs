using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Lessons.Web.Digests;

/// <summary>The digest's HTML from a Razor component (<see cref="DigestMail"/>), rendered outside any request.</summary>
internal sealed class RazorDigestRenderer(IServiceProvider services, ILoggerFactory logs) : IDigestRenderer, IAsyncDisposable
{
    private readonly HtmlRenderer renderer = new(services, logs);

    public Task<string> RenderHtmlAsync(DigestContent content, string language, CancellationToken ct) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            // Set on the dispatcher's own thread: the template's localizer reads the culture while it renders.
            using var _ = MailCulture.Use(language);
            var output = await renderer.RenderComponentAsync<DigestMail>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DigestMail.Content)] = content,
                [nameof(DigestMail.Language)] = MailCulture.Of(language).TwoLetterISOLanguageName,
            }));
            return output.ToHtmlString();
        });

    public ValueTask DisposeAsync() => renderer.DisposeAsync();
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
