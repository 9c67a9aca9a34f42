using System.Globalization;

using Microsoft.AspNetCore.Localization;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// The interface's two languages. Swedish is the default for everyone (also for a browser that prefers English:
/// the page a link or a search engine shows is the Swedish one); English is a reader's choice, kept in a cookie.
/// </summary>
public static class Languages
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public const string SwitchPath = "/sprak";

    /// <summary>The language code kept for a member or subscriber, so their mails follow it: <c>sv</c> or <c>en</c>.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "sv";

    public static CultureInfo Of(string? language) => language == "en" ? English : Swedish;

    /// <summary>
    /// The cookie's name deliberately avoids the site's own prefix: a request carrying one of those is never answered
    /// from the shared page cache, while a reader who chose English should share cached English pages with other
    /// such readers (the cache varies by culture instead, <see cref="SharedPageCache"/>).
    /// </summary>
    public static string CookieName(bool development) => development ? "lang" : "__Host-lang";

    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app, bool development)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Swedish),
            SupportedCultures = [Swedish, English],
            SupportedUICultures = [Swedish, English],
        };
        // No Accept-Language: Swedish stays the default whatever the browser says.
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider { CookieName = CookieName(development) },
        ];
        return app.UseRequestLocalization(options);
    }

    /// <summary>
    /// The switch in the header is a plain link (no form, no script), so it works everywhere and every page stays
    /// cacheable (a form would need an antiforgery cookie). It sets the culture cookie and goes back to the page and
    /// query string the reader came from; only a local path is followed, never another site.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints, bool development)
    {
        endpoints.MapGet(SwitchPath, (HttpContext http, string? to, string? back) =>
        {
            var culture = to == "en" ? English : Swedish;
            http.Response.Cookies.Append(CookieName(development),
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    // Essential (it only remembers a choice the reader made), readable by no script that needs it,
                    // and sent on top-level navigation from other sites so a shared link opens in the chosen language.
                    Path = "/",
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = !development || http.Request.IsHttps,
                    IsEssential = true,
                    MaxAge = TimeSpan.FromDays(365),
                });
            http.Response.Headers.CacheControl = "no-store";
            return Results.LocalRedirect(IsLocal(back) ? back! : "/");
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The link that shows the current page in the other language.</summary>
    public static string SwitchLink(HttpRequest request, string language) =>
        SwitchPath + "?to=" + language + "&back=" + Uri.EscapeDataString(request.Path.Value + request.QueryString.Value);

    private static bool IsLocal(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
}
