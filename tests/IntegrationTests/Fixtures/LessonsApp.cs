using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using MimeKit;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// The whole site over real HTTP, configured by settings only (database, mail folder, limits): no service surgery
/// and no mocked user. Tests sign in through the real forms. Clients speak https so the __Host- cookies travel.
/// </summary>
public sealed class LessonsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private LessonsApp(Dictionary<string, string?> settings) => this.settings = settings;

    public string MailDirectory => settings["Email:PickupDirectory"]!;

    public string ConnectionString => settings["ConnectionStrings:Lessons"]!;

    /// <summary>What the app logged, under the filters its settings give every logger.</summary>
    public CapturedLogs Logs { get; } = new();

    public static async Task<LessonsApp> StartAsync(string database = TestDatabases.Sqlite, IDictionary<string, string?>? extra = null)
    {
        var connectionString = extra?.TryGetValue("ConnectionStrings:Lessons", out var shared) == true && shared is not null
            ? shared : await TestDatabases.CreateAsync(database);
        var settings = TestDatabases.Settings(database, connectionString);
        settings["Email:PickupDirectory"] = TestDatabases.TempDirectory("mail");
        settings["Site:PublicUrl"] = "https://localhost";
        settings["AllowedHosts"] = "localhost";     // the test client's host, whatever public address a test chooses
        settings["RateLimits:SignInPerMinute"] = "1000";
        settings["RateLimits:PostsPerMinute"] = "1000";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return new LessonsApp(settings);
    }

    /// <summary>
    /// The site on Kestrel at a free port on 127.0.0.1 over https with a throw-away self-signed certificate (the
    /// site's cookies are Secure), for a real browser. Its <see cref="CreateClient()"/> does not trust that
    /// certificate, so the sign-in journeys of <see cref="Journeys"/> run on a node started by <see cref="StartAsync"/>
    /// on the same database (pass its connection string in <paramref name="extra"/>), and the browser signs in
    /// through the form.
    /// </summary>
    public static async Task<LessonsApp> ServeAsync(string database = TestDatabases.Sqlite, IDictionary<string, string?>? extra = null)
    {
        // The browser asks for 127.0.0.1 at a port chosen only once the server runs.
        var served = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>()) { ["AllowedHosts"] = "localhost;127.0.0.1" };
        var app = await StartAsync(database, served);
        var certificate = SelfSignedCertificate();
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        app.StartServer();
        return app;
    }

    /// <summary>Where a Kestrel-served app listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The host, handed over once its index is up (a node that has just started answers searches from an
    /// index being built; a test that searches at once would race it).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<Lessons.Infrastructure.Search.SearchIndexer>().Ready.WaitAsync(TimeSpan.FromSeconds(120)).GetAwaiter().GetResult();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = true,
        HandleCookies = true,
    });

    public IReadOnlyList<MimeMessage> Mail(string to) => MailFolder.To(MailDirectory, to);

    /// <summary>The first link to this site in the newest message to <paramref name="to"/>, as a path.</summary>
    public string LinkIn(string to, string pathStart) => MailFolder.LinkIn(MailDirectory, to, pathStart).PathAndQuery;
}
