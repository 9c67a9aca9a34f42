using System.Globalization;

using Lessons.Application.Common.Ports;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// Output caching of what every anonymous reader is shown alike: the start page, report pages, the search page, the
/// API's search and reports, and the feed. Each node keeps its own copies in memory; a save on this node evicts them
/// at once (<see cref="ISharedPageCache"/>), a report changed elsewhere (another node, a command verb) when this node's
/// index applies its outbox row, and any other change saved elsewhere shows when the copy expires, after
/// <c>OutputCache:Seconds</c> (5 by default; 0 turns caching off).
/// </summary>
public static class SharedPageCache
{
    public const string Policy = "anonymous-readers";

    /// <summary>The one tag: a change to any report can change any of these pages (lists, similar reports, counts).</summary>
    public const string Tag = "reports";

    public static IServiceCollection AddSharedPageCache(this IServiceCollection services, IConfiguration configuration, string cookiePrefix)
    {
        var seconds = configuration.GetValue("OutputCache:Seconds", 5);
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Policy, new AnonymousReadersPolicy(TimeSpan.FromSeconds(Math.Max(seconds, 0)), cookiePrefix));
            o.SizeLimit = configuration.GetValue("OutputCache:MegaBytes", 100L) * 1024 * 1024;
        });
        services.Replace(ServiceDescriptor.Singleton<ISharedPageCache, OutputCacheEviction>());
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider>(sp => new QuietCookieTempDataProvider(
            ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp),
            sp.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!)));
        return services;
    }

    private sealed class OutputCacheEviction(IOutputCacheStore store) : ISharedPageCache
    {
        public ValueTask ContentChangedAsync(CancellationToken ct) => store.EvictByTagAsync(Tag, ct);
    }

    /// <summary>
    /// Like the framework's default policy (GET and HEAD, no signed-in user, no Authorization header, nothing stored
    /// that sets a cookie, 200 only, keyed on the path and every query parameter), and stricter: a request carrying
    /// any of our cookies is never answered from the cache, since its page may differ (an expired session is
    /// signed out by a cookie; a "Rapporten är publicerad" notice rides in the message cookie; with an antiforgery
    /// cookie present a form's token is made without a Set-Cookie, so the page would look shareable).
    /// </summary>
    private sealed class AnonymousReadersPolicy(TimeSpan expiry, string cookiePrefix) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var shared = expiry > TimeSpan.Zero
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && http.User.Identity?.IsAuthenticated != true
                && !request.Cookies.Keys.Any(k => k.StartsWith(cookiePrefix, StringComparison.Ordinal));
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = shared;
            context.AllowCacheStorage = shared;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = expiry;
            context.CacheVaryByRules.QueryKeys = "*";
            // The language comes from a cookie the framework's key knows nothing of (request localization has run):
            // without this an English reader could be served a Swedish copy, or a Swedish reader an English one.
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // A response that sets a cookie (an antiforgery token in a form, a sign-out) belongs to one visitor.
            if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// The framework's cookie TempData, except that a page which only looked for a message (the layout does, on every
/// page) sends no Set-Cookie deleting a cookie the browser never had. That header made every page personal:
/// nothing carrying it may be shared, and the output cache would have stored no page at all.
/// </summary>
internal sealed class QuietCookieTempDataProvider(ITempDataProvider inner, string cookieName) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(cookieName)) return;
        inner.SaveTempData(context, values);
    }
}
