using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>The production topology of the operator's guide: the published program in Production behind nginx with TLS.</summary>
public sealed class ReverseProxyTests
{
    private static async Task<(SiteProcess Node, Nginx Proxy)> StartAsync(int signInPerMinute = 1000)
    {
        Requires.Nginx();
        var port = LoopbackPorts.Free();
        var node = await SiteProcess.ProgramAsync(TestDatabases.TempDirectory("node"), new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site:PublicUrl"] = $"https://localhost:{port}",
            ["AllowedHosts"] = "localhost;127.0.0.1",
            ["ReverseProxy:KnownProxies:0"] = Nginx.ProxyAddress,
            ["RateLimits:SignInPerMinute"] = signInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            return (node, await Nginx.StartAsync(port, node.Address));
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    [Fact]
    public async Task Behind_nginx_over_tls_a_newcomer_registers_confirms_from_the_mail_and_signs_in()
    {
        var (node, proxy) = await StartAsync();
        await using var _ = node;
        await using var __ = proxy;
        var client = proxy.Client();
        const string email = "bakom.proxyn@exempel.se";

        var registered = await client.RegisterAsync(email, "Pia Proxy");
        Assert.True(registered.StatusCode == HttpStatusCode.OK, $"{registered.StatusCode}\n{node.Log}\n{proxy.ErrorLog}");

        var link = MailFolder.LinkIn(node.MailDirectory, email, "/konto/bekrafta");
        Assert.Equal(proxy.Address.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await client.ConfirmAsync(link.PathAndQuery)).StatusCode);
        var signedIn = await client.SignInAsync(email);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("Pia Proxy", (await client.GetPageAsync("/konto")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rapporter/ny")).StatusCode);
    }

    [Fact]
    public async Task Behind_nginx_the_sign_in_limit_counts_each_visitor_by_their_own_address_not_by_what_they_claim()
    {
        var (node, proxy) = await StartAsync(signInPerMinute: 3);
        await using var _ = node;
        await using var __ = proxy;
        async Task<HttpStatusCode> SignInFrom(string source, string? claimed = null)
        {
            var client = proxy.Client(source);
            if (claimed is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", claimed);
            return (await client.SignInAsync("ingen@exempel.se", "fel lösenord helt enkelt")).StatusCode;
        }

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.BadRequest, await SignInFrom("127.0.0.1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFrom("127.0.0.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFrom("127.0.0.1", claimed: "198.51.100.7"));
        Assert.Equal(HttpStatusCode.BadRequest, await SignInFrom("127.0.0.3"));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_but_the_proxy_are_ignored()
    {
        var (node, proxy) = await StartAsync();
        await using var _ = node;
        await using var __ = proxy;
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = node.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto/logga-in?ReturnUrl=%2Fkonto");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        var response = await direct.SendAsync(request);

        // Still plain http to the site, so it is sent to the public https address; the health check a load balancer
        // uses is not.
        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"{proxy.Address.GetLeftPart(UriPartial.Authority)}/konto/logga-in?ReturnUrl=%2Fkonto", response.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/health")).StatusCode);
    }
}
