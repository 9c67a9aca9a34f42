using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.Http;

/// <summary>
/// Data-protection keys (issue 8) sign the session cookies and e-mail links and live in the database, so in every
/// backup too: with a certificate configured they are stored encrypted to it.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_are_encrypted_and_the_site_still_works()
    {
        await using var app = await LessonsApp.StartAsync(extra: CertificateSettings(CertificateFile("nod")));

        var client = await app.RegisterAndConfirmAsync("nyckel@exempel.se");
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("nyckel@exempel.se")).StatusCode);

        var keys = await StoredKeysAsync(app);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_second_node_with_the_same_certificate_reads_the_first_nodes_cookies_and_one_without_it_does_not()
    {
        var settings = CertificateSettings(CertificateFile("kluster"));
        await using var nodeA = await LessonsApp.StartAsync(TestDatabases.Postgres, settings);
        await using var nodeB = await LessonsApp.StartAsync(TestDatabases.Postgres,
            new Dictionary<string, string?>(settings) { ["ConnectionStrings:Lessons"] = nodeA.ConnectionString });
        await using var stranger = await LessonsApp.StartAsync(TestDatabases.Postgres,
            new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = nodeA.ConnectionString });
        await nodeA.RegisterAndConfirmAsync("klustrad@exempel.se", "Klara Kluster");
        var onA = nodeA.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var signIn = await onA.SubmitAsync("/konto/logga-in", "main button[type=submit]", [("Email", "klustrad@exempel.se"), ("Password", Journeys.Password)]);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lessons=", StringComparison.Ordinal)).Split(';')[0];

        var onB = await AccountPageAsync(nodeB, cookie);
        var withoutCertificate = await AccountPageAsync(stranger, cookie);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("Klara Kluster", await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withoutCertificate.StatusCode);
    }

    private static Dictionary<string, string?> CertificateSettings(string file) => new()
    {
        ["DataProtection:Certificate:Path"] = file,
        ["DataProtection:Certificate:Password"] = "pfx-lösenord",
    };

    /// <summary>A throw-away self-signed RSA certificate with its private key, as the operator's PFX file.</summary>
    private static string CertificateFile(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Lessons data protection {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var file = Path.Combine(TestDatabases.TempDirectory("certificate"), name + ".pfx");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, "pfx-lösenord"));
        return file;
    }

    private static async Task<List<string>> StoredKeysAsync(LessonsApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    private static async Task<HttpResponseMessage> AccountPageAsync(LessonsApp node, string cookie)
    {
        var client = node.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
