using System.Globalization;
using System.Threading.RateLimiting;

using Lessons.Application.Common.Ports;
using Lessons.Web.Api;
using Lessons.Web.Digests;
using Lessons.Web.Infrastructure;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;

namespace Lessons.Web;

public static class DependencyInjection
{
    /// <summary>Paths whose POSTs guess or spend passwords: a tight per-address limit against guessing and spam.</summary>
    private static readonly string[] SignInPaths = ["/konto/logga-in", "/konto/registrera", "/konto/bekrafta", "/konto/glomt-losenord", "/konto/aterstall-losenord"];

    /// <summary>The accessibility statement, whose POST is the feedback form.</summary>
    private const string FeedbackPath = "/om/tillganglighet";

    /// <summary>The command verbs act as the operator, with no HTTP pipeline.</summary>
    public static IServiceCollection AddOperator(this IServiceCollection services) =>
        services.AddSingleton<ICurrentUser, OperatorUser>().AddDigestMail();

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Outside Development every cookie is Secure with the __Host- prefix (no subdomain can set or read it). The
        // README's `dotnet run` serves plain http on localhost, where a browser drops Secure cookies and every form
        // would fail its antiforgery check, so there, and only there, cookies follow the request's scheme.
        var development = environment.IsDevelopment();
        var cookiePrefix = development ? "lessons" : "__Host-lessons";
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddReverseProxy(configuration);
        services.AddObservability(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        // The interface's text comes with it, for pages and for Application's messages and mails (which ask for the
        // non-generic localizer, by Swedish key, knowing nothing of Web).
        services.AddDigestMail();
        services.AddSingleton<Links>();
        services.AddSingleton<ISiteAddress>(sp => sp.GetRequiredService<Links>());
        services.AddScoped<Lessons.Web.Pages.Account.AccountEmails>();
        services.AddRazorPages().AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
        {
            // Rules live in Application; MVC must not invent "required" from nullability, and speaks the reader's language.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => UiText.Format("\"{0}\" är inte ett giltigt värde för {1}.", value, field));
            m.SetValueMustBeANumberAccessor(field => UiText.Format("{0} ska vara ett tal.", field));
            m.SetValueIsInvalidAccessor(value => UiText.Format("\"{0}\" är inte ett giltigt värde.", value));
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => UiText.Format("\"{0}\" är inte ett giltigt värde.", value));
            m.SetUnknownValueIsInvalidAccessor(field => UiText.Format("Värdet för {0} är ogiltigt.", field));
            m.SetMissingBindRequiredValueAccessor(field => UiText.Format("{0} saknas.", field));
            m.SetMissingKeyOrValueAccessor(() => UiText.Get("Ett värde saknas."));
            m.SetMissingRequestBodyRequiredValueAccessor(() => UiText.Get("Förfrågan saknar innehåll."));
            m.SetValueMustNotBeNullAccessor(field => UiText.Format("{0} måste anges.", field));
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => UiText.Get("Värdet är ogiltigt."));
            m.SetNonPropertyValueMustBeANumberAccessor(() => UiText.Get("Värdet ska vara ett tal."));
        });
        // Swedish text as text: without this Razor writes å as &#xE5;, which is valid but bloats and hinders reading.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddApiDocs();
        services.AddRequestRobustness();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookiePrefix + "-af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = cookiePrefix + "-msg";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = cookiePrefix;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/nekad";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                if (ErrorMapping.IsApi(context.HttpContext)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = secure);
        services.AddSharedPageCache(configuration, cookiePrefix);

        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml"];
        });

        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var postsPerMinute = configuration.GetValue("RateLimits:PostsPerMinute", 60);
        var feedbackPerHour = configuration.GetValue("RateLimits:FeedbackPerHour", 5);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                // The limiter knows when its window opens again: a minute for sign-in and posts, up to an hour for
                // the feedback form, so both the header and the sentence say how long to wait.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(UiText.Get(seconds <= 60
                    ? "För många försök på kort tid. Vänta en minut och försök igen."
                    : "För många försök på kort tid. Vänta en stund och försök igen."), ct);
            };
            // Only writes are limited; reading is what the site is for.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
                // The feedback form mails a person: a few messages an hour from one address is plenty, and more is spam.
                if (http.Request.Path.StartsWithSegments(FeedbackPath, StringComparison.OrdinalIgnoreCase))
                    return RateLimitPartition.GetFixedWindowLimiter("feedback:" + address, _ => Window(feedbackPerHour, TimeSpan.FromHours(1)));
                var signIn = SignInPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
                return signIn
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + address, _ => Window(signInPerMinute))
                    : RateLimitPartition.GetFixedWindowLimiter("post:" + (http.User.Identity?.Name ?? address), _ => Window(postsPerMinute));
            });
        });
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fel",
            AllowStatusCode404Response = true,
            SuppressDiagnosticsCallback = c => ErrorMapping.IsExpected(c.Exception),
        });
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.UseSecurityHeaders();
        // Only what is the same for everyone is compressed: the scripts, the styles and the open-data download. Pages
        // carry antiforgery tokens and a person's own data, and compressing those over TLS would let an attacker who
        // can inject text guess them from the response's length (BREACH); pages are small anyway.
        app.UseWhen(http => IsCompressible(http.Request.Path), branch => branch.UseResponseCompression());
        // Files are the same in every language and for every visitor: served as soon as the headers every response
        // carries (HSTS, CSP, nosniff) are set, before request localization and everything that serves pages.
        app.UseStaticFiles();
        app.UseMetricsEndpoint();
        app.UseLanguages(app.Environment.IsDevelopment());
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapLanguageSwitch(app.Environment.IsDevelopment());
        app.MapReportsApi();
        app.MapOpenData();
        app.MapSubscriptionsApi();
        app.MapFeeds();
        app.MapTaxonomyAndHealth();
        app.MapHealth();
        app.MapApiDocs();
        return app;
    }

    private static bool IsCompressible(PathString path) =>
        path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/favicon.svg", StringComparison.OrdinalIgnoreCase) || path.Equals(OpenData.Path, StringComparison.OrdinalIgnoreCase);

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan? window = null) =>
        new() { PermitLimit = permits, Window = window ?? TimeSpan.FromMinutes(1), QueueLimit = 0 };
}
