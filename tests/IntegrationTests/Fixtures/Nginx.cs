using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// Debian's nginx terminating TLS in front of real web nodes, running the operator's guide's own configuration
/// (docs/nginx/lessons.conf) with this test's ports, paths and addresses put in.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    /// <summary>The source address nginx connects to the nodes from: the nodes' ReverseProxy:KnownProxies.</summary>
    public const string ProxyAddress = "127.0.0.2";

    private readonly Process process;
    private readonly string directory;

    private readonly string thumbprint;

    private Nginx(Process process, string directory, int port, string thumbprint)
    {
        this.process = process;
        this.directory = directory;
        this.thumbprint = thumbprint;
        Address = new Uri($"https://localhost:{port}");
    }

    public static bool IsInstalled => File.Exists(Binary);

    public Uri Address { get; }

    public string ErrorLog => File.Exists(Path.Combine(directory, "error.log")) ? File.ReadAllText(Path.Combine(directory, "error.log")) : "";

    public static async Task<Nginx> StartAsync(int port, params Uri[] nodes)
    {
        var directory = TestDatabases.TempDirectory("nginx");
        var thumbprint = WriteCertificate(directory);
        var config = Path.Combine(directory, "nginx.conf");
        var template = await File.ReadAllTextAsync(Path.Combine(SiteProcess.RepositoryRoot, "docs", "nginx", "lessons.conf"));
        var upstream = string.Join("\n", nodes.Select(n => $"        server {n.Host}:{n.Port} max_fails=1 fail_timeout=10s;"));
        var text = Substitute(template, new()
        {
            ["worker_processes auto;"] = (Environment.UserName == "root" ? "user root;\n" : "") + "worker_processes 1;",
            ["pid /run/nginx-lessons.pid;"] = $"pid {directory}/nginx.pid;",
            ["error_log /var/log/nginx/lessons-error.log warn;"] = $"error_log {directory}/error.log warn;",
            ["access_log /var/log/nginx/lessons-access.log;"] = $"access_log {directory}/access.log;",
            ["/var/lib/nginx/"] = directory + "/",
            ["        server 127.0.0.1:5001 max_fails=1 fail_timeout=10s;\n        server 127.0.0.1:5002 max_fails=1 fail_timeout=10s;"] = upstream,
            ["listen 80;"] = $"listen 127.0.0.1:{LoopbackPorts.Free()};",
            ["listen 443 ssl;"] = $"listen 127.0.0.1:{port} ssl;",
            ["server_name lessons.example.se;"] = "server_name localhost;",
            ["/etc/ssl/lessons/fullchain.pem"] = Path.Combine(directory, "cert.pem"),
            ["/etc/ssl/lessons/privkey.pem"] = Path.Combine(directory, "key.pem"),
            ["proxy_bind 127.0.0.1;"] = $"proxy_bind {ProxyAddress};",
        });
        await File.WriteAllTextAsync(config, text);

        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", directory, "-c", config, "-g", "daemon off;" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var nginx = new Nginx(process, directory, port, thumbprint);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        var stderr = process.HasExited ? await process.StandardError.ReadToEndAsync() : "";
        await nginx.DisposeAsync();
        throw new InvalidOperationException($"nginx did not start: {stderr}\n{nginx.ErrorLog}");
    }

    /// <summary>A client of the proxy that connects from <paramref name="source"/> (any 127.x address), with its own cookies.</summary>
    public HttpClient Client(string source = "127.0.0.1", bool followRedirects = true) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = followRedirects,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        // Only this proxy's own throw-away certificate is trusted.
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint },
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(context.DnsEndPoint.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static string Substitute(string template, Dictionary<string, string> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            if (!template.Contains(from, StringComparison.Ordinal))
                throw new InvalidOperationException($"docs/nginx/lessons.conf no longer contains \"{from}\": update the fixture with the guide.");
            template = template.Replace(from, to, StringComparison.Ordinal);
        }
        return template;
    }

    private static string WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }
}
