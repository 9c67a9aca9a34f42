using System.Net;

using Microsoft.AspNetCore.HttpOverrides;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy (nginx in the operator's guide) a request arrives as plain HTTP from the proxy's
/// address. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies named in
/// <c>ReverseProxy:KnownProxies</c> (addresses) or <c>ReverseProxy:KnownNetworks</c> (CIDR) — loopback when neither is
/// set, for a proxy on the same machine — so the rate limits see
/// each visitor's own address and the Secure cookies see https; from anyone else the headers are ignored. The host
/// name is never taken from a header: links come from <c>Site:PublicUrl</c>.
/// </summary>
internal static class ReverseProxy
{
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front: its own X-Forwarded-For entry is the visitor; anything a visitor wrote before it is not.
            o.ForwardLimit = 1;
            if (proxies.Length + networks.Length == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"ReverseProxy:KnownProxies: \"{proxy}\" är ingen IP-adress."));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: \"{network}\" är inget nät i CIDR-form (t.ex. 10.0.0.0/24)."));
        });
    }

    public static IApplicationBuilder UseReverseProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment()) return app;
        app.UseHsts();
        // Plain http is sent to the same path at the public https address (Site:PublicUrl, required outside
        // Development), never to a host a request names. Load balancers ask the nodes for /health/… and Prometheus
        // scrapes them over plain http.
        var site = PublicSite.Read(app.Configuration)!;
        var scrapePath = Observability.ScrapePath(app.Configuration);
        return app.UseWhen(http => !http.Request.IsHttps && !Observability.AnswersPlainHttp(http.Request, scrapePath), branch => branch.Run(http =>
        {
            var target = new Uri(site, site.AbsolutePath.TrimEnd('/') + http.Request.Path + http.Request.QueryString);
            http.Response.Redirect(target.AbsoluteUri, permanent: false, preserveMethod: true);
            return Task.CompletedTask;
        }));
    }
}
